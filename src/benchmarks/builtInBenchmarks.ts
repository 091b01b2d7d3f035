import type { Benchmark } from "./benchmark.js";

/**
 * The built-in table of published NPS benchmarks: only figures read on the publisher's own page or
 * press release, each with its statistic, population (consumer panel or companies' own customers),
 * method, sample and source. Two widely quoted figures are left out on purpose because no publisher
 * source could be found for them ("SPG Consulting 2018: average 39"; "Retently 2020: e-commerce 62");
 * see `docs/benchmarks.md`. Built on each call (nothing is built at import time). O(rows).
 *
 * @returns A new array of the 27 rows, oldest study first within each publisher.
 * @example
 * ```ts
 * import { builtInBenchmarks } from "npskit";
 * const rows = builtInBenchmarks();
 * rows.length; // => 27
 * rows.find((row) => row.id === "xmi-2023-grocers")?.value; // => 30.1
 * rows.some((row) => row.id.startsWith("retently")); // => false
 * ```
 * @category Benchmarks
 */
export function builtInBenchmarks(): Benchmark[] {
  const surveyMonkeyAll = {
    segment: "all organisations",
    publisher: "SurveyMonkey",
    study: "SurveyMonkey global NPS benchmark",
    year: null,
    region: "global",
    population: "vendor-customers",
    method: "companies' own surveys, >150,000 organisations",
    source:
      'uk.surveymonkey.com/mp/net-promoter-score-benchmarks-customer-loyalty/ ("average NPS is 32 and the top 25% have an NPS of 72 or higher")',
    quartiles: { median: 44, upper: 72 },
    note: "undated page, seen in 2021",
  } as const;
  const surveyMonkeyRespondents = {
    segment: "respondents to surveys made with SurveyMonkey",
    publisher: "SurveyMonkey",
    study: "SurveyMonkey help centre",
    year: null,
    region: "global",
    population: "vendor-customers",
    method: '"across the respondents to the surveys customers create with SurveyMonkey"',
    source: "help.surveymonkey.com/articles/en_US/kb/CX-What-is-NPS",
    quartiles: { median: 36, upper: 66 },
    note: "undated page",
  } as const;
  const temkin2017 = {
    publisher: "Temkin Group",
    study: "NPS Benchmark Study 2017",
    year: 2017,
    region: "US",
    population: "consumer-panel",
    method: "10,000 US consumers, 299 companies, 20 industries, online",
    source: "press release, tmcnet.com 2017-12-14",
  } as const;
  const temkin2018 = {
    publisher: "Temkin Group",
    study: "NPS Benchmark Study 2018",
    year: 2018,
    region: "US",
    population: "consumer-panel",
    method: "10,000 US consumers, 342 companies, 20 industries",
    source: "prnewswire.com press release; experiencematters.blog 2018-10-01",
  } as const;
  const xmi2021 = {
    publisher: "Qualtrics XM Institute",
    study: "Consumer NPS 2021",
    year: 2021,
    region: "US",
    population: "consumer-panel",
    method: "9,056 consumers, 344 companies, 22 industries",
    source: "xminstitute.com/data-snippets/consumer-nps-2021/",
  } as const;
  const xmiTenYears = {
    segment: "average of 18 tracked industries",
    statistic: "average",
    publisher: "XM Institute / Temkin Group",
    study: "Examining 10 years of Net Promoter Scores in the U.S.",
    region: "US",
    population: "consumer-panel",
    method: "8,000–10,000 US consumers a year",
    source: "xminstitute.com/blog/examining-10-years-of-net-promoter-scores-in-the-u-s/",
  } as const;
  const xmi2022 = {
    publisher: "XM Institute",
    study: "XMI ratings NPS 2022",
    year: 2022,
    region: "US",
    population: "consumer-panel",
    method: "10,000 consumers, 353 companies, 22 industries",
    source: "xminstitute.com/data-snippets/xmi-ratings-nps-2022/",
  } as const;
  const xmi2023 = {
    publisher: "XM Institute",
    study: "XMI ratings NPS 2023",
    year: 2023,
    region: "US",
    population: "consumer-panel",
    method: "10,000 people, 351 companies, 22 industries",
    source: "xminstitute.com/data-snippets/xmi-ratings-nps-2023/",
  } as const;
  const satmetrix2010 = {
    statistic: "sector-average",
    publisher: "Satmetrix",
    study: "2010 Net Promoter Industry Benchmarks",
    year: 2010,
    region: "US",
    population: "consumer-panel",
    method: ">19,500 US consumers who bought from the company in the last 12 months",
    source: "thewisemarketer.com (trade press)",
  } as const;
  const bain2015 = {
    statistic: "average",
    publisher: "Bain & Company",
    study: "Net Promoter System blog",
    year: 2015,
    region: "US",
    population: "consumer-panel",
    source: "netpromotersystemblog.com 2015-12-02",
  } as const;
  const clearlyRated2022 = {
    statistic: "benchmark",
    publisher: "ClearlyRated",
    study: "NPS for RPOs",
    year: 2022,
    region: "US",
    population: "vendor-customers",
    source: "clearlyrated.com/solutions/rpo/nps-for-rpos/",
  } as const;
  return [
    { id: "surveymonkey-all-mean", value: 32, statistic: "mean", ...surveyMonkeyAll },
    { id: "surveymonkey-all-median", value: 44, statistic: "median", ...surveyMonkeyAll },
    { id: "surveymonkey-all-q3", value: 72, statistic: "upper-quartile", ...surveyMonkeyAll },
    { id: "surveymonkey-respondents-median", value: 36, statistic: "median", ...surveyMonkeyRespondents },
    { id: "surveymonkey-respondents-q3", value: 66, statistic: "upper-quartile", ...surveyMonkeyRespondents },
    {
      id: "temkin-2017-auto-dealers",
      segment: "auto dealers",
      value: 43,
      statistic: "industry-average",
      rank: "highest",
      ...temkin2017,
    },
    {
      id: "temkin-2017-tv-internet",
      segment: "TV & internet service providers",
      value: 9,
      statistic: "industry-average",
      rank: "lowest",
      ...temkin2017,
    },
    {
      id: "temkin-2018-auto-dealers",
      segment: "auto dealers; streaming media",
      value: 39,
      statistic: "industry-average",
      rank: "highest",
      ...temkin2018,
    },
    {
      id: "temkin-2018-tv-internet",
      segment: "TV/internet service providers",
      value: 0,
      statistic: "industry-average",
      rank: "lowest",
      ...temkin2018,
    },
    {
      id: "xmi-2021-grocery",
      segment: "grocery",
      value: 33.3,
      statistic: "mean-of-company-nps",
      rank: "highest",
      ...xmi2021,
    },
    {
      id: "xmi-2021-consumer-payment",
      segment: "consumer payment",
      value: -0.1,
      statistic: "mean-of-company-nps",
      rank: "lowest",
      ...xmi2021,
    },
    {
      id: "xmi-2021-all",
      segment: "all industries",
      value: 20.3,
      statistic: "average",
      publisher: "XM Institute",
      study: "NPS recovers in the U.S. (2021)",
      year: 2021,
      region: "US",
      population: "consumer-panel",
      method: "described as 67% of the 2019 level",
      source: "xminstitute.com/blog/nps-recovers-us-2021/",
    },
    { id: "xmi-2012-18-industries", value: 31.7, year: 2012, ...xmiTenYears },
    { id: "xmi-2021-18-industries", value: 19.8, year: 2021, ...xmiTenYears },
    {
      id: "xmi-2022-retail",
      segment: "retail",
      value: 28.4,
      statistic: "mean-of-company-nps",
      rank: "highest",
      ...xmi2022,
    },
    {
      id: "xmi-2022-consumer-payment",
      segment: "consumer payment",
      value: 1.4,
      statistic: "mean-of-company-nps",
      rank: "lowest",
      ...xmi2022,
    },
    {
      id: "xmi-2023-grocers",
      segment: "grocers",
      value: 30.1,
      statistic: "mean-of-company-nps",
      rank: "highest",
      ...xmi2023,
    },
    {
      id: "xmi-2023-consumer-payments",
      segment: "consumer payments",
      value: -6.1,
      statistic: "mean-of-company-nps",
      rank: "lowest",
      ...xmi2023,
    },
    { id: "satmetrix-2010-health-insurance", segment: "health insurance", value: -13, ...satmetrix2010 },
    {
      id: "satmetrix-2010-brokerage",
      segment: "financial services (brokerage & investment)",
      value: 29,
      ...satmetrix2010,
    },
    {
      id: "bain-2015-us-retail-banks",
      segment: "US retail banks",
      value: 28,
      method: "not stated (2009: 14)",
      ...bain2015,
    },
    {
      id: "bain-2015-us-wireless",
      segment: "US wireless, top 4 carriers",
      value: 17,
      method: "not stated (2013: 10)",
      ...bain2015,
    },
    {
      id: "bain-2015-us-handsets",
      segment: "US handset makers",
      value: 17,
      method: "not stated (2012: −10)",
      ...bain2015,
    },
    {
      id: "clearlyrated-2022-hr-services",
      segment: "HR services (outsourced)",
      value: 37,
      method: "clients of HR service providers",
      ...clearlyRated2022,
    },
    {
      id: "clearlyrated-2022-rpo",
      segment: "recruitment process outsourcing",
      value: 53,
      method: "clients of HR service providers",
      ...clearlyRated2022,
    },
    {
      id: "clearlyrated-2018-b2b-services",
      segment: "B2B service providers",
      value: 18,
      statistic: "benchmark",
      publisher: "ClearlyRated / Inavero",
      study: "2018 NPS benchmarks, B2B service providers",
      year: 2018,
      region: "US & Canada",
      population: "vendor-customers",
      method: "clients of B2B service providers",
      source: "clearlyrated.com 2018 NPS benchmarks, B2B service providers",
    },
    {
      id: "spg-2013-clients",
      segment: "SPG client database",
      value: 34.3,
      statistic: "average",
      publisher: "SPG Consulting",
      study: "SPG Consulting newsletter, 2013 Q1-2",
      year: 2013,
      region: "not stated",
      population: "vendor-customers",
      method: "SPG's own client database",
      source: "spg-consulting.com/newsletters/2013-q1-2-net-promoter-score-interpretation",
    },
  ];
}
