/** The part of jsdom's API the chart renderer uses (the package ships no types; no @types here). */
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string);
    readonly window: { readonly document: unknown };
  }
}
