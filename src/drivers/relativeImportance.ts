/**
 * R² of the regression of y on every subset of the predictors, from a correlation matrix: for subset
 * S, R²(S) = r_Sy' R_SS⁻¹ r_Sy = |z|² with R_SS = L L' (Cholesky) and z = L⁻¹ r_Sy. `correlations` is
 * the (p + 1) × (p + 1) matrix, row-major, with y last. Subsets are visited depth first, each adding
 * one predictor (larger than those it holds) to its parent: the Cholesky factor and z of the parent
 * gain one row, so a subset costs O(p²) instead of O(p³). Returns R² indexed by the subset's bit mask
 * (entry 0 is 0), or `undefined` when a subset's matrix is not positive definite (a constant or
 * collinear predictor, or a pairwise matrix that is not a correlation matrix). O(2^p · p²).
 */
export function subsetRSquared(correlations: Float64Array, p: number): Float64Array | undefined {
  const size = p + 1;
  const result = new Float64Array(1 << p);
  // Row k of the Cholesky factor of the current subset (its k-th predictor is index[k]), and z.
  const lower = new Float64Array(p * p);
  const z = new Float64Array(p);
  const index = new Int32Array(p);
  let singular = false;
  const visit = (depth: number, mask: number, r2: number, next: number): void => {
    for (let j = next; j < p && !singular; j++) {
      // Row `depth` of L for the subset plus j: L[depth][c] = (R[j][index[c]] − Σ_{e<c} L[depth][e]·L[c][e]) / L[c][c].
      let diagonal = 1;
      for (let c = 0; c < depth; c++) {
        let sum = correlations[j * size + (index[c] as number)] as number;
        for (let e = 0; e < c; e++) sum -= (lower[depth * p + e] as number) * (lower[c * p + e] as number);
        const value = sum / (lower[c * p + c] as number);
        lower[depth * p + c] = value;
        diagonal -= value * value;
      }
      if (!(diagonal > 1e-12)) {
        singular = true;
        return;
      }
      const root = Math.sqrt(diagonal);
      lower[depth * p + depth] = root;
      let sum = correlations[j * size + p] as number;
      for (let c = 0; c < depth; c++) sum -= (lower[depth * p + c] as number) * (z[c] as number);
      const zj = sum / root;
      z[depth] = zj;
      index[depth] = j;
      const child = mask | (1 << j);
      const childR2 = r2 + zj * zj;
      result[child] = childR2;
      visit(depth + 1, child, childR2, j + 1);
    }
  };
  visit(0, 0, 0, 0);
  return singular ? undefined : result;
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
