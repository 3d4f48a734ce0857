import 'reflect-metadata';
import { bootstrapStage } from '@newsflow/messaging';
import { loadParserConfig } from './config/parser.config';
import { ParserModule } from './parser.module';

async function main(): Promise<void> {
  // The only read of the environment: a bad variable stops the process here, before Nest starts.
  const config = loadParserConfig();
  await bootstrapStage(ParserModule.forRoot(config), {
    stage: 'parser',
    consumes: true,
    kafka: config.kafka,
    httpPort: config.httpPort,
  });
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
