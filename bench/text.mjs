// Comments: theme matching and distinctive terms over 100,000 comments, against a naive implementation
// (Intl.Segmenter on every comment, keywords looked up in the word list, bags of words in objects).
// Targets (issue 16): themes ≤ 1 s, distinctive terms ≤ 2 s.
import { distinctiveTerms, themes } from "../dist/text.js";
import { formatMs, medianMs, printTable } from "./measure.mjs";

const WORDS = (
  "magasin caisse attente personnel accueil conseil prix cher plantes qualite choix rayon vendeur " +
  "parking propre agreable sympathique long trop peu bien tres bon mauvais fleurs jardin produits " +
  "promotion carte fidelite reduction livraison commande animalerie semaine mortes disponible"
).split(" ");
const GLUE = ["le", "la", "les", "de", "des", "et", "est", "un", "une", "en", "au", "pas", "très", "à"];

/** 100,000 deterministic French-like comments (5 to 34 words), with accents, elisions and "!!!!". */
export function makeComments(count = 100_000) {
  let state = 20260416;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
  const responses = [];
  for (let i = 0; i < count; i++) {
    const score = Math.floor(next() * 11);
    const length = 5 + Math.floor(next() * 30);
    const words = [];
    for (let k = 0; k < length; k++) {
      const word = next() < 0.35 ? GLUE[Math.floor(next() * GLUE.length)] : WORDS[Math.floor(next() * WORDS.length)];
      words.push(next() < 0.05 ? `l'${word}` : word);
    }
    responses.push({ score, comment: `${words.join(" ")}${next() < 0.2 ? "!!!!" : "."}` });
  }
  return responses;
}

const THEMES = [
  { name: "Attente", keywords: ["attente", "caisse", "temps d'attente"] },
  { name: "Personnel", keywords: ["personnel", "vendeur*", "accueil"] },
  { name: "Conseil", keywords: ["conseil", "bon conseil"] },
  { name: "Prix", keywords: ["prix", "cher", "trop cher"] },
  { name: "Plantes", keywords: ["plantes", "fleurs", "plantes mortes"] },
  { name: "Fidélité", keywords: ["carte", "fidelite", "reduction", "promotion"] },
  { name: "Propreté", keywords: ["propre", "sale"] },
  { name: "Parking", keywords: ["parking"] },
];

/** The naive way: Intl.Segmenter per comment, lower case, keyword phrases searched in the joined words. */
function naiveThemes(responses) {
  const segmenter = new Intl.Segmenter("fr", { granularity: "word" });
  const phrases = THEMES.map((theme) =>
    theme.keywords.map((keyword) => ` ${keyword.toLowerCase().replace("*", "").replace("'", " ")}`),
  );
  const mentions = THEMES.map(() => 0);
  for (const { comment } of responses) {
    const words = [];
    for (const part of segmenter.segment(comment.toLowerCase())) if (part.isWordLike) words.push(part.segment);
    const joined = ` ${words.join(" ").replace(/'/g, " ")} `;
    phrases.forEach((list, t) => {
      if (list.some((phrase) => joined.includes(phrase))) mentions[t]++;
    });
  }
  return mentions;
}

/** The naive way: Intl.Segmenter per comment, counts in plain objects, one group at a time. */
function naiveDistinctive(responses) {
  const segmenter = new Intl.Segmenter("fr", { granularity: "word" });
  const counts = [{}, {}, {}];
  for (const { score, comment } of responses) {
    const group = score >= 9 ? 2 : score <= 6 ? 0 : 1;
    const seen = new Set();
    for (const part of segmenter.segment(comment.toLowerCase())) {
      if (!part.isWordLike || seen.has(part.segment)) continue;
      seen.add(part.segment);
      counts[group][part.segment] = (counts[group][part.segment] ?? 0) + 1;
    }
  }
  const terms = new Set(counts.flatMap((bag) => Object.keys(bag)));
  const totals = counts.map((bag) => Object.values(bag).reduce((a, b) => a + b, 0));
  const n = totals[0] + totals[1] + totals[2];
  const z = [];
  for (const term of terms) {
    const y = counts.map((bag) => bag[term] ?? 0);
    const all = y[0] + y[1] + y[2];
    const yi = y[0];
    const yj = all - yi;
    const delta =
      Math.log((yi + all) / (totals[0] + n - yi - all)) - Math.log((yj + all) / (n - totals[0] + n - yj - all));
    z.push(delta / Math.sqrt(1 / (yi + all) + 1 / (yj + all)));
  }
  return z;
}

/** Median CPU time (user + system, ms) of `runs` calls after one warm-up: steadier than wall time on a busy machine. */
function medianCpuMs(fn, runs) {
  fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    fn();
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export function run() {
  const responses = makeComments();
  const options = { themes: THEMES, language: "fr", excerpts: 3 };
  const rows = [
    ["themes (8 themes, 22 keywords)", () => themes(responses, options), () => naiveThemes(responses), "≤ 1 s"],
    [
      "distinctive terms (unigrams + bigrams)",
      () => distinctiveTerms(responses, { language: "fr" }),
      () => naiveDistinctive(responses),
      "≤ 2 s",
    ],
  ].map(([task, ours, naive, target]) => {
    const wall = medianMs(ours, { runs: 5, warmup: 1 });
    const cpu = medianCpuMs(ours, 5);
    const naiveWall = medianMs(naive, { runs: 1, warmup: 0 });
    return [task, formatMs(wall), formatMs(cpu), formatMs(naiveWall), `${(naiveWall / wall).toFixed(1)}×`, target];
  });
  printTable(
    "Comments (100,000 French-like comments, 5 to 34 words each; median of 5)",
    ["task", "npskit wall", "npskit CPU", "naive wall (Intl.Segmenter per comment)", "ratio", "target"],
    rows,
  );
}
