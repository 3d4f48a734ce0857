import 'reflect-metadata';
import { loadStageConfig } from '@newsflow/config';
import { bootstrapStage } from '@newsflow/messaging';
import { ParserModule } from './parser.module';

async function main(): Promise<void> {
  const config = loadStageConfig('parser');
  await bootstrapStage(ParserModule, {
    stage: 'parser',
    consumes: true,
    httpPort: config.HTTP_PORT,
  });
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
