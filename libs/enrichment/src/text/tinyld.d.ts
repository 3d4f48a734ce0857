// Why this file exists: see libs/extraction/src/text/tinyld.d.ts.
declare module 'tinyld' {
  export * from 'tinyld/dist/tinyld.normal.node';
}
