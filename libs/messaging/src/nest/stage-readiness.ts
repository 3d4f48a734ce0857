import { Injectable } from '@nestjs/common';

/** Ready means: connected and consuming (or, for the fetcher, polling). Read by /health/ready. */
@Injectable()
export class StageReadiness {
  private readonly waiting = new Set<string>(['started']);

  /** Something more the stage must finish before it is ready, e.g. "database". */
  require(what: string): void {
    this.waiting.add(what);
  }

  done(what: string): void {
    this.waiting.delete(what);
  }

  get ready(): boolean {
    return this.waiting.size === 0;
  }

  get pending(): string[] {
    return [...this.waiting];
  }
}
