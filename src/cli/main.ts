export async function main(_args: ReadonlyArray<string>): Promise<number> {
  return 0;
}
