import 'reflect-metadata';
import { bootstrapStage } from '@newsflow/messaging';
import { loadEnricherConfig } from './config/enricher.config';
import { EnricherModule } from './enricher.module';

async function main(): Promise<void> {
  // The only read of the environment: a bad variable stops the process here, before Nest starts.
  const config = loadEnricherConfig();
  await bootstrapStage(EnricherModule.forRoot(config), {
    stage: 'enricher',
    consumes: true,
    kafka: config.kafka,
    httpPort: config.httpPort,
  });
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
