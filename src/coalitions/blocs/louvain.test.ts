import { describe, expect, it } from 'vitest';
import { louvain, modularity } from './louvain.ts';

function graph(n: number, edges: [number, number, number?][]): Float64Array {
  const w = new Float64Array(n * n);
  for (const [a, b, x = 1] of edges) {
    w[a * n + b]! += x;
    w[b * n + a]! += x;
  }
  return w;
}

describe('louvain(w, n): communities by modularity (Blondel et al. 2008)', () => {
  it('separates two triangles joined by one edge, with modularity 5/14', () => {
    const w = graph(6, [
      [0, 1],
      [1, 2],
      [0, 2],
      [3, 4],
      [4, 5],
      [3, 5],
      [2, 3],
    ]);
    const c = louvain(w, 6);
    expect(Array.from(c.labels)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(c.modularity).toBeCloseTo(5 / 14, 12);
  });

  it('finds the ring of cliques’ cliques (a classic Louvain case)', () => {
    const edges: [number, number][] = [];
    for (let k = 0; k < 4; k++) {
      for (let i = 0; i < 4; i++)
        for (let j = i + 1; j < 4; j++) edges.push([4 * k + i, 4 * k + j]);
      edges.push([4 * k, (4 * k + 5) % 16]);
    }
    const c = louvain(graph(16, edges), 16);
    expect(c.count).toBe(4);
    for (let k = 0; k < 4; k++)
      expect(new Set(Array.from(c.labels.slice(4 * k, 4 * k + 4))).size).toBe(1);
  });

  it('leaves isolated nodes alone and gives an edgeless graph modularity 0', () => {
    const c = louvain(new Float64Array(9), 3);
    expect(Array.from(c.labels)).toEqual([0, 1, 2]);
    expect(c.modularity).toBe(0);
  });

  it('reports the modularity of its partition as modularity() computes it', () => {
    const w = graph(5, [
      [0, 1, 2],
      [1, 2],
      [3, 4, 3],
      [2, 3],
    ]);
    const c = louvain(w, 5);
    expect(c.modularity).toBeCloseTo(modularity(w, 5, c.labels), 14);
  });
});
