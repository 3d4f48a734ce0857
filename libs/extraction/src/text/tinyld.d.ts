// tinyld publishes its type declarations only through package.json "exports", which TypeScript's
// "node" module resolution (the repo's setting) does not read. This points the bare specifier at
// the declarations the package ships, for every program that compiles language-detector.ts.
declare module 'tinyld' {
  export * from 'tinyld/dist/tinyld.normal.node';
}
