import 'reflect-metadata';
import { loadStageConfig } from '@newsflow/config';
import { bootstrapStage } from '@newsflow/messaging';
import { FetcherModule } from './fetcher.module';
import { FolderIngestionService } from './ingestion/folder-ingestion.service';
import { SourcePollingService } from './sources/source-polling.service';

async function main(): Promise<void> {
  const config = loadStageConfig('fetcher');
  const app = await bootstrapStage(FetcherModule, {
    stage: 'fetcher',
    consumes: false,
  });
  if (config.FETCHER_MODE === 'once') {
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
