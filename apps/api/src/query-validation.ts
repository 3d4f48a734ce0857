import { ValidationPipe } from '@nestjs/common';

/**
 * How every route reads its query string: into the DTO's types, and a parameter no DTO declares
 * is a 400, not ignored.
 */
export function queryValidationPipe(): ValidationPipe {
  return new ValidationPipe({ transform: true, whitelist: true, forbidNonWhitelisted: true });
}
