/**
 * XML built to attack its parser, for the feed and sitemap specs: the prolog goes before the
 * root element, and `use` is what the document writes where text goes.
 */
export interface HostileProlog {
  prolog: string;
  use: string;
}

/** "Billion laughs": ten levels of entities, each ten of the one below, 3 GB once expanded. */
export const BILLION_LAUGHS: HostileProlog = {
  prolog: [
    '<?xml version="1.0"?>',
    '<!DOCTYPE lolz [',
    '<!ENTITY lol0 "lol">',
    ...Array.from(
      { length: 9 },
      (_, level) => `<!ENTITY lol${level + 1} "${`&lol${level};`.repeat(10)}">`,
    ),
    ']>',
  ].join('\n'),
  use: '&lol9;',
};

/** An external entity that would read a local file into the document. */
export const EXTERNAL_ENTITY: HostileProlog = {
  prolog: '<?xml version="1.0"?>\n<!DOCTYPE feed [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
  use: '&xxe;',
};

/** An external parameter entity, expanded inside the DTD itself. */
export const EXTERNAL_PARAMETER_ENTITY: HostileProlog = {
  prolog:
    '<?xml version="1.0"?>\n<!DOCTYPE feed [<!ENTITY % remote SYSTEM "http://169.254.169.254/x.dtd"> %remote;]>',
  use: '',
};
