import type { OpenAPIObject } from '@nestjs/swagger';
import { readModelSchemas } from '@newsflow/contracts';

/**
 * The document with the read model's response schemas (`@newsflow/contracts`, framework-free, so
 * no decorated classes) as its components, under the names the routes' responses `$ref`.
 */
export function withResponseSchemas(document: OpenAPIObject): OpenAPIObject {
  return {
    ...document,
    components: {
      ...document.components,
      schemas: { ...document.components?.schemas, ...readModelSchemas },
    },
  };
}
