import { Tokenizer } from 'htmlparser2';
import type { TokenizerCallbacks } from 'htmlparser2';

/**
 * The parts of htmlparser2's Tokenizer (10.1.0, pinned) that ScanningTokenizer reads and
 * replaces. Its typings declare them private, so the subclass reaches them through this view.
 */
interface TokenizerInternals {
  /** The chunk being read; `offset` is where it starts in the whole input. */
  buffer: string;
  offset: number;
  /** The position being read, counted in the whole input; `parse` adds one after each state call. */
  index: number;
  write(chunk: string): void;
  reset(): void;
  stateText(c: number): void;
  handleInAttributeValue(c: number, quote: number): void;
  fastForwardTo(c: number): boolean;
}

type TokenizerOptions = ConstructorParameters<typeof Tokenizer>[0];

const TokenizerWithInternals = Tokenizer as unknown as new (
  options: TokenizerOptions,
  callbacks: TokenizerCallbacks,
) => TokenizerInternals;

const LESS_THAN = 0x3c;
const AMPERSAND = 0x26;
const DOUBLE_QUOTE = 0x22;

/**
 * htmlparser2's tokenizer, reading runs of plain characters with String.prototype.indexOf.
 *
 * The stock tokenizer calls a state function for every character of text, attribute values,
 * scripts and comments. In text and attribute values only `<`, `&` and the closing quote do
 * anything; inside scripts, style sheets and comments only the character that may start their
 * end (`<`, `-`, `]`). Everything between is skipped here in one native search, which leaves the
 * tokenizer in the state the per-character walk would have reached and so emits the same events.
 * `html/scanning-tokenizer.spec.ts` holds it to that, event for event, against the stock one.
 *
 * Text and attribute values end at the next `<` (or quote) or the next `&`, whichever comes
 * first. Entities are rare, so the position of the next `&` is remembered rather than searched
 * for again at every `<`.
 */
export class ScanningTokenizer extends TokenizerWithInternals {
  /** Position in the chunk of the next `&` at or after the last search; its length when none. */
  private nextAmpersand = -1;

  override write(chunk: string): void {
    this.nextAmpersand = -1;
    super.write(chunk);
  }

  override reset(): void {
    this.nextAmpersand = -1;
    super.reset();
  }

  override stateText(c: number): void {
    if (c === LESS_THAN || c === AMPERSAND) {
      super.stateText(c);
      return;
    }
    this.skipBefore(this.buffer.indexOf('<', this.index - this.offset + 1));
  }

  override handleInAttributeValue(c: number, quote: number): void {
    if (c === quote || c === AMPERSAND) {
      super.handleInAttributeValue(c, quote);
      return;
    }
    this.skipBefore(
      this.buffer.indexOf(quote === DOUBLE_QUOTE ? '"' : "'", this.index - this.offset + 1),
    );
  }

  /** The stock loop, as one search: leaves `index` on the character found, or on the last one. */
  override fastForwardTo(c: number): boolean {
    const found = this.buffer.indexOf(String.fromCharCode(c), this.index - this.offset + 1);
    if (found === -1) {
      this.index = this.offset + this.buffer.length - 1;
      return false;
    }
    this.index = this.offset + found;
    return true;
  }

  /**
   * Moves to just before the nearer of `stop` (a position in the chunk, -1 for none) and the next
   * `&`, so that the parse loop's step lands on it; to the end of the chunk when neither comes.
   */
  private skipBefore(stop: number): void {
    const from = this.index - this.offset + 1;
    if (this.nextAmpersand < from) {
      const ampersand = this.buffer.indexOf('&', from);
      this.nextAmpersand = ampersand === -1 ? this.buffer.length : ampersand;
    }
    const end = stop === -1 || stop > this.nextAmpersand ? this.nextAmpersand : stop;
    this.index = this.offset + end - 1;
  }
}

/** For htmlparser2's `Tokenizer` parser option, which is typed with the stock class. */
export const scanningTokenizer = ScanningTokenizer as unknown as typeof Tokenizer;
