import 'reflect-metadata';
import { bootstrapStage } from '@newsflow/messaging';
import { ParserModule } from './parser.module';

async function main(): Promise<void> {
  await bootstrapStage(ParserModule, {
    stage: 'parser',
    consumes: true,
  });
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
