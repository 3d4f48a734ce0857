import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import type { AsyncAPIDocumentInterface } from '@asyncapi/parser';
import { ALL_ARTICLE_TOPICS, ALL_TOPICS, examplesByTopic } from '@newsflow/contracts';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { buildAsyncApiDocument, generatedFiles } from './generate';

const REPO_ROOT = resolve(__dirname, '../..');

/** The shape of our own document that these checks read (the parser's model hides the JSON). */
interface DocumentJson {
  channels: Record<string, { address: string; messages: Record<string, { $ref: string }> }>;
  components: { messages: Record<string, { payload: { schema: object } }> };
}

describe('the AsyncAPI document', () => {
  const json = buildAsyncApiDocument() as unknown as DocumentJson;
  let document: AsyncAPIDocumentInterface | undefined;

  beforeAll(async () => {
    const parsed = await new Parser().parse(JSON.stringify(json));
    // The diagnostics and the exported DiagnosticSeverity come from two copies of
    // @stoplight/types, so TypeScript sees two enums; they agree on the numbers (Error = 0).
    const errors = parsed.diagnostics.filter(
      (d) => Number(d.severity) === Number(DiagnosticSeverity.Error),
    );
    // Printed in full so a failure says what the parser objects to, not only how many.
    expect(errors.map((d) => `${d.path.join('.')}: ${d.message}`)).toEqual([]);
    document = parsed.document;
  }, 60_000);

  it('is valid AsyncAPI 3 (the parser returns a document and no error)', () => {
    expect(document?.version()).toBe('3.0.0');
  });

  it('has a channel for every topic in the contracts, and no other', () => {
    const addresses =
      document
        ?.channels()
        .all()
        .map((c) => c.address()) ?? [];
    expect([...addresses].sort()).toEqual([...ALL_TOPICS].sort());
  });

  it('has a stage that sends, a stage that receives, and downstream receivers per article topic', () => {
    for (const topic of ALL_ARTICLE_TOPICS) {
      const operations = document?.operations().all() ?? [];
      const on = (action: 'send' | 'receive') =>
        operations.filter(
          (o) => o.action() === action && o.channels().all()[0]?.address() === topic,
        );
      expect(on('send').map((o) => o.id())).toHaveLength(1);
      expect(on('receive').map((o) => o.id())).toEqual(
        expect.arrayContaining([expect.stringMatching(/^downstreamReceives/)]),
      );
      expect(on('receive')).toHaveLength(2);
    }
  });

  it('describes the message key (the article id) in the Kafka binding of every message', () => {
    for (const message of document?.components().messages().all() ?? []) {
      const kafka = message.bindings().get('kafka');
      expect(kafka?.value<{ key?: { type?: string } }>().key?.type).toBe('string');
    }
  });

  it.each([...ALL_TOPICS])(
    'validates the contracts example for %s against the payload schema in the document',
    (topic) => {
      const channel = Object.values(json.channels).find((c) => c.address === topic);
      const ref = Object.values(channel?.messages ?? {})[0]?.$ref ?? '';
      const name = ref.replace('#/components/messages/', '');
      const schema = json.components.messages[name]?.payload.schema;
      expect(schema).toBeDefined();
      // A fresh ajv per check: the dead-letter topics share one schema (and its $id).
      const ajv = new Ajv({ allErrors: true, strict: true });
      addFormats(ajv);
      const check = ajv.compile(schema ?? {});
      expect(check(examplesByTopic[topic]) ? [] : check.errors).toEqual([]);
    },
  );
});

describe('the committed docs', () => {
  const files = generatedFiles();

  it.each(files.map((f) => [f.path, f.content] as const))(
    '%s is what tools/asyncapi/generate.ts builds now (run `npm run docs:asyncapi`)',
    (path, content) => {
      const committed: unknown = JSON.parse(readFileSync(resolve(REPO_ROOT, path), 'utf8'));
      // Through JSON, as the file was written: drops undefined fields the same way.
      expect(committed).toEqual(JSON.parse(JSON.stringify(content)));
    },
  );

  it('holds no schema of a topic that no longer exists', () => {
    const committed = readdirSync(resolve(REPO_ROOT, 'docs/schemas')).map(
      (f) => `docs/schemas/${f}`,
    );
    const generated = files.map((f) => f.path).filter((p) => p.startsWith('docs/schemas/'));
    expect(committed.sort()).toEqual(generated.sort());
  });
});
