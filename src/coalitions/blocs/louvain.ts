/**
 * Communities of a weighted undirected graph by the Louvain method (Blondel, Guillaume, Lambiotte &
 * Lefebvre 2008, "Fast unfolding of communities in large networks", J. Stat. Mech. P10008), which
 * climbs the modularity Q = (1/2m) Σ_ij [A_ij − γ k_i k_j / 2m] δ(c_i, c_j) (Newman & Girvan 2004,
 * Phys. Rev. E 69, 026113; γ = 1 is Newman's modularity). Phase 1 moves each node, in index order,
 * to the neighbouring community with the largest gain k_i,in − γ·Σ_tot·k_i/2m while any move gains;
 * phase 2 merges communities into nodes; repeat until nothing moves. Deterministic: fixed order,
 * ties keep the node where it is, then go to the lowest community. Dense matrices: for scenarios of
 * tens to a few hundred actors.
 */

export interface Communities {
  /** Community of each node, numbered 0.. in order of each community's lowest node. */
  readonly labels: Int32Array;
  readonly count: number;
  /** Modularity of the partition (0 for a graph without edges). */
  readonly modularity: number;
}

/** `w` is n·n, symmetric, non-negative; the diagonal holds self-loops. */
export function louvain(w: Float64Array, n: number, resolution = 1): Communities {
  if (w.length !== n * n) throw new RangeError(`w needs n·n = ${n * n} values, got ${w.length}`);
  let labels = Int32Array.from({ length: n }, (_, i) => i);
  let graph = w;
  let size = n;
  const m2 = w.reduce((a, b) => a + b, 0);
  if (m2 <= 0) return { labels, count: n, modularity: 0 };
  for (;;) {
    const comm = movePhase(graph, size, m2, resolution);
    const count = Math.max(...comm) + 1;
    if (count === size) break; // nothing merged
    labels = labels.map((c) => comm[c]!);
    graph = aggregate(graph, size, comm, count);
    size = count;
  }
  const relabeled = relabel(labels);
  return {
    labels: relabeled.labels,
    count: relabeled.count,
    modularity: modularity(w, n, relabeled.labels, resolution),
  };
}

function movePhase(w: Float64Array, n: number, m2: number, gamma: number): Int32Array {
  const comm = Int32Array.from({ length: n }, (_, i) => i);
  const degree = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) degree[i]! += w[i * n + j]!;
  const tot = Float64Array.from(degree);
  const toComm = new Float64Array(n);
  let moved = true;
  while (moved) {
    moved = false;
    for (let i = 0; i < n; i++) {
      const own = comm[i]!;
      tot[own]! -= degree[i]!;
      toComm.fill(0);
      for (let j = 0; j < n; j++) if (j !== i) toComm[comm[j]!]! += w[i * n + j]!;
      const gain = (c: number) => toComm[c]! - (gamma * tot[c]! * degree[i]!) / m2;
      let best = own;
      let bestGain = gain(own);
      for (let c = 0; c < n; c++) {
        if (c === own || toComm[c]! <= 0) continue;
        const g = gain(c);
        if (g > bestGain + 1e-12) {
          best = c;
          bestGain = g;
        }
      }
      comm[i] = best;
      tot[best]! += degree[i]!;
      if (best !== own) moved = true;
    }
  }
  return relabel(comm).labels;
}

function aggregate(w: Float64Array, n: number, comm: Int32Array, count: number): Float64Array {
  const out = new Float64Array(count * count);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) out[comm[i]! * count + comm[j]!]! += w[i * n + j]!;
  return out;
}

function relabel(labels: Int32Array): { labels: Int32Array; count: number } {
  const map = new Map<number, number>();
  const out = labels.map((c) => {
    if (!map.has(c)) map.set(c, map.size);
    return map.get(c)!;
  });
  return { labels: out, count: map.size };
}

/** Newman's modularity of a partition of a weighted undirected graph (with resolution γ). */
export function modularity(
  w: Float64Array,
  n: number,
  labels: ArrayLike<number>,
  gamma = 1,
): number {
  const m2 = w.reduce((a, b) => a + b, 0);
  if (m2 <= 0) return 0;
  const degree = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) degree[i]! += w[i * n + j]!;
  let q = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (labels[i] === labels[j]) q += w[i * n + j]! - (gamma * degree[i]! * degree[j]!) / m2;
    }
  }
  return q / m2;
}
