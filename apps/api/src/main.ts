import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { JsonLoggerService } from '@newsflow/runtime';
import { ApiModule } from './api.module';
import { loadApiConfig } from './config/api.config';
import { withResponseSchemas } from './openapi';
import { queryValidationPipe } from './query-validation';
import { securityHeaders } from './security-headers';

/**
 * The read API on API_PORT: `GET /articles`, `GET /articles/:id`, `GET /stats`, the OpenAPI
 * document at /docs (JSON at /docs-json), and /health/live, /health/ready.
 */
async function main(): Promise<void> {
  // The only read of the environment: a bad variable stops the process here, before Nest starts.
  const config = loadApiConfig();
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), {
    logger: new JsonLoggerService('api', config.logLevel),
    // GET routes only: no request body is read, so none is buffered either.
    bodyParser: false,
  });
  app.enableShutdownHooks();
  app.disable('x-powered-by');
  app.use(securityHeaders);
  app.useGlobalPipes(queryValidationPipe());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Newsflow read API')
      .setDescription('Articles stored by the Newsflow pipeline: search, page, count. Read-only.')
      .setVersion('1')
      .build(),
  );
  SwaggerModule.setup('docs', app, withResponseSchemas(document));
  await app.listen(config.port, '0.0.0.0');
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
