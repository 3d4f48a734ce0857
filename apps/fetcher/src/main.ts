import 'reflect-metadata';
import { loadStageConfig } from '@newsflow/config';
import { bootstrapStage } from '@newsflow/messaging';
import { FetcherModule } from './fetcher.module';
import { FolderIngestionService } from './ingestion/folder-ingestion.service';

async function main(): Promise<void> {
  const config = loadStageConfig('fetcher');
  const app = await bootstrapStage(FetcherModule, {
    stage: 'fetcher',
    consumes: false,
  });
  if (config.FETCHER_MODE === 'once') {
    await app.get(FolderIngestionService).finished();
    await app.close();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
