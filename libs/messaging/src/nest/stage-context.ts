import { BaseRpcContext } from '@nestjs/microservices';
import type { InboundEvent } from '../consumer-runner';

/** What `@Ctx()` gives a stage handler: the consumed events behind the payload. */
export class StageContext extends BaseRpcContext<[InboundEvent<unknown>[]]> {
  get events(): InboundEvent<unknown>[] {
    return this.args[0];
  }
}
