import 'reflect-metadata';
import { bootstrapStage } from '@newsflow/messaging';
import { loadFetcherConfig } from './config/fetcher.config';
import { FetcherModule } from './fetcher.module';
import { FolderIngestionService } from './ingestion/folder-ingestion.service';
import { SourcePollingService } from './sources/source-polling.service';

async function main(): Promise<void> {
  // The only read of the environment: a bad variable stops the process here, before Nest starts.
  const config = loadFetcherConfig();
  const app = await bootstrapStage(FetcherModule.forRoot(config), {
    stage: 'fetcher',
    consumes: false,
    kafka: config.kafka,
    httpPort: config.httpPort,
  });
  if (config.mode === 'once') {
    await Promise.all([
      app.get(FolderIngestionService).finished(),
      app.get(SourcePollingService).finished(),
    ]);
    await app.close();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
