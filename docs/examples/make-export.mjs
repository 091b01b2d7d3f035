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
const comments = {
  detractor: [
    "Support took three days to answer my ticket",
    "Too expensive for what we use",
    "The export keeps failing on large files",
    "Billing charged us twice this month",
    "Slow dashboard, pages take forever to load",
    "Support never solved the problem",
    "Price went up again without notice",
  ],
  passive: [
    "Does the job, but the reports are basic",
    "Fine overall, a bit pricey",
    "Good product, the mobile app needs work",
    "OK, support could be faster",
    "",
  ],
  promoter: [
    "Great support team, quick and friendly",
    "Easy to set up and the reports are excellent",
    "Saves my team hours every week",
    "The new dashboard is fast and clear",
    "Excellent value for the price",
    "",
    "",
  ],
};
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
  const comment = random() < 0.7 ? pick(comments[category]) : "";
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
      comment,
    ]
      .map(quote)
      .join(","),
  );
}
process.stdout.write(`${lines.join("\n")}\n`);
