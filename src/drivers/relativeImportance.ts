/**
 * R² of the regression of y on every subset of the predictors, from a correlation matrix: for subset
 * S, R²(S) = r_Sy' R_SS⁻¹ r_Sy = |L⁻¹ r_Sy|² with R_SS = L L' (Cholesky). `correlations` is the
 * (p + 1) × (p + 1) matrix, row-major, with y last. Returns R² indexed by the subset's bit mask
 * (entry 0 is 0), or `undefined` when a subset's matrix is not positive definite (a constant or
 * collinear predictor, or a pairwise matrix that is not a correlation matrix). O(2^p · p³).
 */
export function subsetRSquared(correlations: Float64Array, p: number): Float64Array | undefined {
  const size = p + 1;
  const result = new Float64Array(1 << p);
  const index = new Int32Array(p);
  const lower = new Float64Array(p * p);
  const z = new Float64Array(p);
  for (let mask = 1; mask < 1 << p; mask++) {
    let k = 0;
    for (let j = 0; j < p; j++) if (mask & (1 << j)) index[k++] = j;
    // Cholesky of R_SS, in place in `lower` (k × k).
    for (let a = 0; a < k; a++) {
      const ia = index[a] as number;
      for (let b = 0; b <= a; b++) {
        const ib = index[b] as number;
        let sum = correlations[ia * size + ib] as number;
        for (let c = 0; c < b; c++) sum -= (lower[a * p + c] as number) * (lower[b * p + c] as number);
        if (a === b) {
          if (!(sum > 1e-12)) return undefined;
          lower[a * p + a] = Math.sqrt(sum);
        } else lower[a * p + b] = sum / (lower[b * p + b] as number);
      }
    }
    let r2 = 0;
    for (let a = 0; a < k; a++) {
      let sum = correlations[(index[a] as number) * size + p] as number;
      for (let c = 0; c < a; c++) sum -= (lower[a * p + c] as number) * (z[c] as number);
      const value = sum / (lower[a * p + a] as number);
      z[a] = value;
      r2 += value * value;
    }
    result[mask] = r2;
  }
  return result;
}

/**
 * The LMG (Lindeman, Merenda & Gold 1980) relative importance of each predictor: its Shapley value in
 * the R² "game", the average over every order of entering the predictors of the R² it adds,
 * Σ_{S ⊆ others} |S|!(p − |S| − 1)!/p! · (R²(S ∪ {j}) − R²(S)). The importances add up to the full
 * model's R². O(2^p · p).
 */
export function lmgFromSubsets(r2: Float64Array, p: number): Float64Array {
  const weights = new Float64Array(p);
  // w(s) = s!(p − s − 1)!/p!, computed as 1 / (p · C(p − 1, s)).
  for (let s = 0; s < p; s++) {
    let binomial = 1;
    for (let t = 1; t <= s; t++) binomial = (binomial * (p - 1 - s + t)) / t;
    weights[s] = 1 / (p * binomial);
  }
  const importance = new Float64Array(p);
  for (let mask = 0; mask < 1 << p; mask++) {
    let size = 0;
    for (let m = mask; m !== 0; m &= m - 1) size++;
    for (let j = 0; j < p; j++) {
      if (mask & (1 << j)) continue;
      importance[j] =
        (importance[j] as number) +
        (weights[size] as number) * ((r2[mask | (1 << j)] as number) - (r2[mask] as number));
    }
  }
  return importance;
}
