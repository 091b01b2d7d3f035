"""The same NPS report as bench/scale.mjs, computed with pandas, for a side-by-side timing.

Usage: python3 bench/pandas_report.py FILE.csv [FILE.csv ...]
Each CSV has the columns score, time_ms (epoch milliseconds) and segment. Loading the file (and
turning time_ms into datetimes, segment into a category) is NOT timed: only the computation is, as on
the npskit side. Prints one JSON object per file: {"n": rows, "ms": median wall time, "check": ...}.

The report: overall tally + NPS + Wald interval; 50 segments with intervals, each compared with the
rest (difference, standard error, two-sided p-value, Holm adjustment); monthly (UTC) tallies with
intervals and the change from the previous month; a 90-day rolling window stepped by day with
intervals and the change from the window 90 days earlier.
"""

import json
import math
import sys
import time

import numpy as np
import pandas as pd

Z = 1.959963984540054


def figures(p, d, n):
    n = np.asarray(n, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        pp = p / n
        pd_ = d / n
        score = (pp - pd_) * 100
        se = np.sqrt((pp + pd_ - (pp - pd_) ** 2) / n) * 100
    low = np.clip(score - Z * se, -100, 100)
    high = np.clip(score + Z * se, -100, 100)
    return score, se, low, high


def p_values(z):
    return np.array([math.erfc(abs(v) / math.sqrt(2)) if np.isfinite(v) else np.nan for v in z])


def holm(p):
    order = np.argsort(p)
    m = len(p)
    adjusted = np.minimum(1, np.maximum.accumulate((m - np.arange(m)) * p[order]))
    out = np.empty(m)
    out[order] = adjusted
    return out


def report(df):
    s = df["score"].to_numpy()
    if not (((s >= 0) & (s <= 10)).all()):
        raise ValueError("invalid score")
    promoter = s >= 9
    detractor = s <= 6
    frame = pd.DataFrame({"p": promoter, "d": detractor, "segment": df["segment"], "time": df["time"]})
    n_all = len(s)
    p_all = int(promoter.sum())
    d_all = int(detractor.sum())
    overall = figures(p_all, d_all, n_all)

    seg = frame.groupby("segment", observed=True).agg(n=("p", "size"), p=("p", "sum"), d=("d", "sum"))
    score, se, low, high = figures(seg["p"].to_numpy(), seg["d"].to_numpy(), seg["n"].to_numpy())
    rest = figures(p_all - seg["p"].to_numpy(), d_all - seg["d"].to_numpy(), n_all - seg["n"].to_numpy())
    difference = score - rest[0]
    se_difference = np.sqrt(se**2 + rest[1] ** 2)
    p = p_values(difference / se_difference)
    segments = seg.assign(nps=score, low=low, high=high, difference=difference, p=p, adjusted=holm(p))

    month = frame["time"].to_numpy().astype("datetime64[M]")
    monthly = frame.groupby(month).agg(n=("p", "size"), p=("p", "sum"), d=("d", "sum"))
    full = pd.date_range(monthly.index.min(), monthly.index.max(), freq="MS")
    monthly = monthly.reindex(full, fill_value=0)
    m_score, m_se, m_low, m_high = figures(monthly["p"].to_numpy(), monthly["d"].to_numpy(), monthly["n"].to_numpy())
    m_change = m_score - np.roll(m_score, 1)
    m_change_se = np.sqrt(m_se**2 + np.roll(m_se, 1) ** 2)

    day = frame["time"].to_numpy().astype("datetime64[D]")
    daily = frame.groupby(day).agg(n=("p", "size"), p=("p", "sum"), d=("d", "sum"))
    days = pd.date_range(daily.index.min(), daily.index.max(), freq="D")
    daily = daily.reindex(days, fill_value=0)
    window = daily.rolling(90, min_periods=1).sum()
    r_score, r_se, r_low, r_high = figures(window["p"].to_numpy(), window["d"].to_numpy(), window["n"].to_numpy())
    r_change = r_score - np.roll(r_score, 90)
    r_change_se = np.sqrt(r_se**2 + np.roll(r_se, 90) ** 2)
    return {
        "overall": [p_all, n_all - p_all - d_all, d_all],
        "segments": len(segments),
        "months": len(monthly),
        "windows": len(window),
        "_": float(overall[0] + m_change[1:].sum() + r_change[90:].sum() + m_change_se[1:].sum() + r_change_se[90:].sum()),
    }


def main():
    for path in sys.argv[1:]:
        df = pd.read_csv(path, dtype={"score": "int64", "time_ms": "int64", "segment": "category"})
        df["time"] = pd.to_datetime(df["time_ms"], unit="ms")
        n = len(df)
        runs = 3 if n >= 1_000_000 else 7
        report(df)
        times = []
        check = None
        for _ in range(runs):
            start = time.perf_counter()
            check = report(df)
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        del check["_"]
        print(json.dumps({"n": n, "ms": times[len(times) // 2], "check": check}), flush=True)


if __name__ == "__main__":
    main()
