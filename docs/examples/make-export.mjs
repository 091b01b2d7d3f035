// Writes docs/examples/acme-survey.csv: a made-up survey export of 1,200 answers, shaped like the
// exports of common survey tools (long question headers, US dates, blank answers, free text), for the
// worked example in docs/five-minutes.md. Seeded: the file is the same on every run.
//   node docs/examples/make-export.mjs > docs/examples/acme-survey.csv
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(20260301);
const pick = (items) => items[Math.floor(random() * items.length)];
const plans = [
  ["Starter", 0.45, 19],
  ["Team", 0.35, 79],
  ["Enterprise", 0.2, 450],
];
const countries = ["US", "US", "US", "UK", "DE", "FR", "NL", "CA"];
// Score probabilities by plan and month: Team improves after the March release, Starter slips.
function score(plan, month) {
  const shift = plan === "Team" ? (month >= 3 ? 0.9 : -0.4) : plan === "Starter" ? -0.08 * month : 0.6;
  const u = random() + random() + random() + random();
  const value = Math.round(7.2 + shift + (u - 2) * 3.1);
  return Math.max(0, Math.min(10, value));
}
// Comment fragments, each with how often detractors, passives and promoters raise it.
const fragments = [
  ["Support took three days to answer my ticket", [0.16, 0.05, 0.01]],
  ["support could be faster", [0.06, 0.1, 0.02]],
  ["Great support team, quick and friendly", [0.01, 0.05, 0.16]],
  ["Too expensive for what we use", [0.14, 0.06, 0.01]],
  ["a bit pricey", [0.05, 0.1, 0.04]],
  ["Excellent value for the price", [0.0, 0.03, 0.1]],
  ["The export keeps failing on large files", [0.1, 0.04, 0.01]],
  ["Billing charged us twice this month", [0.07, 0.01, 0.0]],
  ["slow dashboard, pages take forever to load", [0.12, 0.06, 0.02]],
  ["The new dashboard is fast and clear", [0.01, 0.04, 0.09]],
  ["the reports are basic", [0.04, 0.1, 0.02]],
  ["Easy to set up and the reports are excellent", [0.01, 0.04, 0.12]],
  ["Saves my team hours every week", [0.01, 0.04, 0.14]],
  ["the mobile app needs work", [0.05, 0.08, 0.03]],
];
const CATEGORY_INDEX = { detractor: 0, passive: 1, promoter: 2 };
function comment(category) {
  const column = CATEGORY_INDEX[category];
  const chosen = fragments.filter(([, rates]) => random() < rates[column] * 1.6).map(([text]) => text);
  if (chosen.length === 0) return "";
  return chosen
    .slice(0, 2)
    .map((text) => text.charAt(0).toUpperCase() + text.slice(1))
    .join(". ");
}
const pad = (n) => String(n).padStart(2, "0");
const quote = (text) => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
const header = [
  "Response ID",
  "Submitted At",
  "How likely are you to recommend Acme to a friend or colleague?",
  "Plan",
  "Country",
  "Monthly spend (USD)",
  "What is the main reason for your score?",
];
const lines = [header.map(quote).join(",")];
for (let i = 0; i < 1200; i++) {
  const month = 1 + Math.floor((i / 1200) * 6);
  const day = 1 + Math.floor(random() * 28);
  const hour = 8 + Math.floor(random() * 10);
  const minute = Math.floor(random() * 60);
  const r = random();
  const [plan, , price] = r < 0.45 ? plans[0] : r < 0.8 ? plans[1] : plans[2];
  const seats = plan === "Enterprise" ? 1 + Math.floor(random() * 8) : 1 + Math.floor(random() * 4);
  const value = score(plan, month);
  const category = value >= 9 ? "promoter" : value >= 7 ? "passive" : "detractor";
  const remark = comment(category);
  // About 1 in 60 answers leave the question blank, as exports of optional questions do.
  const answer = random() < 1 / 60 ? "" : String(value);
  lines.push(
    [
      `R${String(100001 + i)}`,
      `${pad(month)}/${pad(day)}/2026 ${pad(hour)}:${pad(minute)}`,
      answer,
      plan,
      pick(countries),
      String(price * seats),
      remark,
    ]
      .map(quote)
      .join(","),
  );
}
process.stdout.write(`${lines.join("\n")}\n`);
