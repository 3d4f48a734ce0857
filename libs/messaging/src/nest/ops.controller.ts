import { Controller, Get, Header, Inject, ServiceUnavailableException } from '@nestjs/common';
import { PipelineMetrics } from '../metrics';
import { StageReadiness } from './stage-readiness';

/** Liveness, readiness and Prometheus metrics, the same on every stage. */
@Controller()
export class OpsController {
  constructor(
    @Inject(StageReadiness) private readonly readiness: StageReadiness,
    @Inject(PipelineMetrics) private readonly metrics: PipelineMetrics,
  ) {}

  @Get('health/live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('health/ready')
  ready(): { status: 'ready' } {
    if (!this.readiness.ready) {
      throw new ServiceUnavailableException({
        status: 'starting',
        waitingFor: this.readiness.pending,
      });
    }
    return { status: 'ready' };
  }

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4')
  async prometheus(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
