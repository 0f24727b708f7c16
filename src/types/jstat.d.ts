// The one function of jstat the model uses (the package ships no types).
declare module 'jstat' {
  export const jStat: {
    beta: { inv(p: number, alpha: number, beta: number): number };
  };
}
