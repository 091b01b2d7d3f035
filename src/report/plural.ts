/** `1 response`, `2 responses`, `1 entry`, `3 entries`: a count and its noun, singular for one. */
export function plural(count: number, noun: string, many = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : many}`;
}
