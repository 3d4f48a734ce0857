import 'reflect-metadata';
import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { loadApiConfig } from '@newsflow/config';
import { JsonLoggerService } from '@newsflow/messaging';
import { ApiModule } from './api.module';

/**
 * The read API on API_PORT: `GET /articles`, `GET /articles/:id`, `GET /stats`, the OpenAPI
 * document at /docs (JSON at /docs-json), and /health/live, /health/ready.
 */
async function main(): Promise<void> {
  const config = loadApiConfig();
  const app = await NestFactory.create(ApiModule, {
    logger: new JsonLoggerService('api', config.LOG_LEVEL),
  });
  app.enableShutdownHooks();
  // Query strings become the DTOs' types; a parameter no DTO declares is a 400, not ignored.
  app.useGlobalPipes(
    new ValidationPipe({ transform: true, whitelist: true, forbidNonWhitelisted: true }),
  );
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Newsflow read API')
      .setDescription('Articles stored by the Newsflow pipeline: search, page, count. Read-only.')
      .setVersion('1')
      .build(),
  );
  SwaggerModule.setup('docs', app, document);
  await app.listen(config.API_PORT, '0.0.0.0');
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
