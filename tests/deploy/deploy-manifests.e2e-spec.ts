import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  appEnvSchemas,
  consumerGroupId,
  kafkaEnv,
  loadDatabaseConfig,
  loadKafkaConfig,
  readEnv,
} from '@newsflow/config';
import type { EnvSchema } from '@newsflow/config';
import { Topic } from '@newsflow/contracts';
import type { ArticleTopic } from '@newsflow/contracts';
import { messageLimits } from '@newsflow/messaging';
import { readSourcesFile } from '@newsflow/sources';
import ipaddr from 'ipaddr.js';
import { parse, parseAllDocuments } from 'yaml';

/**
 * The deployment manifests, rendered by the real tools (no Docker engine or cluster is needed
 * for either) and checked against the code: each stage's environment is exactly what
 * its config file (apps/<app>/src/config) says it reads, and probes, ports and commands point at
 * what the stages serve.
 */

const ROOT = join(__dirname, '../..');
/** Each app's environment schema, by app name. */
const APP_ENVS = appEnvSchemas(ROOT);
/** The pipeline's stages: the apps whose main.ts starts them with bootstrapStage. */
const STAGES = [...APP_ENVS.keys()].filter((app) =>
  /\bbootstrapStage\(/.test(readFileSync(join(ROOT, `apps/${app}/src/main.ts`), 'utf8')),
);
/** The README's prerequisites give this line; .ci/run installs both the same way. */
const INSTALL_HINT =
  'apt-get install -y --no-install-recommends docker-compose, and kubectl (Debian package kubernetes-client where no kubectl is installed)';
/** Lets a run check the manifests with another kubectl, e.g. Debian's 1.20 unpacked elsewhere. */
const KUBECTL = process.env.KUBECTL ?? 'kubectl';
/** The image tag both deployments pin: the version the image is built from. */
const VERSION = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
).version;
/** Postgres's port in DATABASE_URL as operators usually give it, and as the policies allow. */
const POSTGRES_PORT = 5432;

/** Whether the stage joins a consumer group: the `consumes` its main.ts gives bootstrapStage. */
function consumes(stage: string): boolean {
  const main = readFileSync(join(ROOT, `apps/${stage}/src/main.ts`), 'utf8');
  const flag = /\bconsumes:\s*(true|false)\b/.exec(main)?.[1];
  if (!flag) throw new Error(`apps/${stage}/src/main.ts gives bootstrapStage no consumes flag`);
  return flag === 'true';
}

/** The stages that consume, as their code says: the ones KEDA scales on lag. */
const CONSUMERS = STAGES.filter(consumes);

/** The topics a stage's handlers read: each `@OnTopicBatch(Topic.X)` (or `@OnTopic`, `@EventPattern`) in its source. */
function consumedTopics(stage: string): ArticleTopic[] {
  const dir = join(ROOT, `apps/${stage}/src`);
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
    (file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'),
  );
  return files.flatMap((file) =>
    [
      ...readFileSync(join(dir, file), 'utf8').matchAll(
        /@(?:EventPattern|OnTopic|OnTopicBatch)\(\s*Topic\.(\w+)/g,
      ),
    ].map(([, key]) => {
      const topic = Topic[key as keyof typeof Topic] as ArticleTopic | undefined;
      if (!topic) throw new Error(`${file} names Topic.${key}, which libs/contracts lacks`);
      return topic;
    }),
  );
}

function run(tool: string, args: string[], variables: Record<string, string> = {}): string {
  const result = spawnSync(tool, args, {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    // Only what the tools need: nothing from the test's own environment (KAFKA_BROKERS, say)
    // may leak into a rendered file through variable interpolation.
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8', ...variables },
  });
  if (result.error) {
    const missing = (result.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(
      missing
        ? `${tool} is not installed, and this suite needs it (${INSTALL_HINT})`
        : `${tool} ${args.join(' ')} failed to run: ${result.error.message}`,
    );
  }
  if (result.status !== 0) {
    throw new Error(`${tool} ${args.join(' ')} exited ${result.status}:\n${result.stderr}`);
  }
  return result.stdout;
}

function envOf(app: string): EnvSchema {
  const schema = APP_ENVS.get(app);
  if (!schema) throw new Error(`apps/${app} declares no environment schema`);
  return schema;
}

/** The app's variables as it parses them at boot: throws where the app would refuse to start. */
function appValues(app: string, env: Record<string, string>): Record<string, unknown> {
  return readEnv(envOf(app), env);
}

function httpPortOf(stage: string, env: Record<string, string>): number {
  return appValues(stage, env).HTTP_PORT as number;
}

function fetcherFolders(env: Record<string, string>): string[] {
  return appValues('fetcher', env).FETCHER_FOLDERS as string[];
}

function fetcherSourcesFile(env: Record<string, string>): string {
  return appValues('fetcher', env).FETCHER_SOURCES_FILE as string;
}

function expectedVariables(stage: string): string[] {
  return Object.keys(envOf(stage)).sort();
}

function emptyByDefault(stage: string, name: string): boolean {
  const fallback = envOf(stage)[name]?.default;
  return fallback === '' || (Array.isArray(fallback) && fallback.length === 0);
}

function entrypoint(stage: string): string[] {
  return ['node', `dist/apps/${stage}/src/main.js`];
}

/** Proves the values parse, not only that the names are there. */
function expectValidConfig(stage: string, env: Record<string, string>): void {
  expect(() => appValues(stage, env)).not.toThrow();
}

function hostAndPort(address: string): string {
  return address.replace(/^[A-Z_]+:\/\//, '');
}

describe('Dockerfile', () => {
  const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
  const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));

  it('runs the default stage from a production-only image as the unprivileged node user', () => {
    expect(runtime).toMatch(/^\nFROM node:20-bookworm-slim\b/);
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^ENV NODE_ENV=production$/m);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    const cmd = /^CMD (\[.*\])$/m.exec(runtime)?.[1];
    const [, main] = JSON.parse(cmd ?? '[]') as string[];
    expect(main).toMatch(/^dist\/apps\/\w+\/src\/main\.js$/);
    expect(
      existsSync(join(ROOT, (main ?? '').replace(/^dist\//, '').replace(/\.js$/, '.ts'))),
    ).toBe(true);
  });

  it('keeps host build outputs and dependencies out of the build context', () => {
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n');
    for (const path of ['node_modules', 'dist', 'tmp', '.nx', '.git', 'tools/kafka/jars']) {
      expect(ignored).toContain(path);
    }
  });
});

interface ComposeVolume {
  source: string;
  target: string;
  readOnly: boolean;
}

interface ComposeService {
  image?: string;
  build?: { context: string };
  command?: string[];
  environment?: Record<string, string | number | null>;
  depends_on?: Record<string, { condition?: string }>;
  healthcheck?: { test?: string[] };
  ports?: (string | { published?: number | string; target: number; host_ip?: string })[];
  volumes?: (string | { source: string; target: string; read_only?: boolean })[];
  read_only?: boolean;
  tmpfs?: string | string[];
  cap_drop?: string[];
  security_opt?: string[];
}

interface ComposePort {
  /** Empty: every interface of the host. */
  hostIp: string;
  published: number;
  target: number;
}

/** Ports as docker-compose renders them: `127.0.0.1:5433:5432/tcp`, or the long form. */
function composePorts(service: ComposeService): ComposePort[] {
  return (service.ports ?? []).map((port) => {
    if (typeof port !== 'string') {
      return { hostIp: port.host_ip ?? '', published: Number(port.published), target: port.target };
    }
    const match = /^(?:(.+):)?(\d+):(\d+)(?:\/\w+)?$/.exec(port);
    if (!match) throw new Error(`unreadable port ${port}`);
    const [, hostIp = '', published, target] = match;
    return { hostIp, published: Number(published), target: Number(target) };
  });
}

function composeVolumes(service: ComposeService): ComposeVolume[] {
  return (service.volumes ?? []).map((volume) => {
    if (typeof volume !== 'string') {
      return { source: volume.source, target: volume.target, readOnly: !!volume.read_only };
    }
    const [source = '', target = '', mode = ''] = volume.split(':');
    return { source, target, readOnly: mode.split(',').includes('ro') };
  });
}

function composeEnv(service: ComposeService): Record<string, string> {
  return Object.fromEntries(
    Object.entries(service.environment ?? {}).map(([name, value]) => [name, String(value ?? '')]),
  );
}

describe('docker-compose.yml', () => {
  let services: Record<string, ComposeService>;

  beforeAll(() => {
    const rendered = run('docker-compose', ['-f', 'docker-compose.yml', 'config']);
    services = (parse(rendered) as { services: Record<string, ComposeService> }).services;
  });

  function service(name: string): ComposeService {
    const found = services[name];
    if (!found) throw new Error(`docker-compose.yml has no service ${name}`);
    return found;
  }

  it('defines the four stages, the read API, the broker and Postgres, and Prometheus and Grafana in a profile', () => {
    // docker-compose v1 renders a profile's services too; tests/e2e/observability.e2e-spec.ts
    // checks what the observability profile holds.
    expect(Object.keys(services).sort()).toEqual(
      [...STAGES, 'api', 'kafka', 'postgres', 'prometheus', 'grafana'].sort(),
    );
  });

  it('gives the read API exactly the variables it reads, the compose Postgres and no broker', () => {
    const api = service('api');
    const env = composeEnv(api);
    const postgres = composeEnv(service('postgres'));
    const port = appValues('api', env).API_PORT as number;
    const database = new URL(loadDatabaseConfig(env).url);

    expect(Object.keys(env).sort()).toEqual(Object.keys(envOf('api')).sort());
    expect(database.hostname).toBe('postgres');
    expect(database.password).toBe(postgres.POSTGRES_PASSWORD);
    expect(api.depends_on?.postgres?.condition).toBe('service_healthy');
    expect(api.depends_on?.kafka).toBeUndefined();
    expect(api.command).toEqual(['node', 'dist/apps/api/src/main.js']);
    expect(api.healthcheck?.test?.join(' ')).toContain('API_PORT');
    expect(composePorts(api)).toContainEqual(
      expect.objectContaining({ published: port, target: port }),
    );
  });

  it('publishes every port on the loopback address only', () => {
    const published = Object.entries(services).flatMap(([name, s]) =>
      composePorts(s).map((port) => [name, port.published, port.hostIp]),
    );

    expect(published.map(([name]) => name)).toEqual(expect.arrayContaining(['kafka', 'postgres']));
    for (const [name, port, hostIp] of published)
      expect([name, port, hostIp]).toEqual([name, port, '127.0.0.1']);
  });

  it('takes the Postgres credentials from the environment or .env, into every DATABASE_URL', () => {
    const file = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
    const rendered = run('docker-compose', ['-f', 'docker-compose.yml', 'config'], {
      POSTGRES_USER: 'reader',
      POSTGRES_PASSWORD: 'not-the-default-7',
      POSTGRES_DB: 'news',
    });
    const custom = (parse(rendered) as { services: Record<string, ComposeService> }).services;

    expect(file).not.toMatch(/postgres:\/\/\w+:\w+@/);
    expect(composeEnv(custom.postgres ?? {})).toMatchObject({
      POSTGRES_USER: 'reader',
      POSTGRES_PASSWORD: 'not-the-default-7',
      POSTGRES_DB: 'news',
    });
    for (const name of ['store', 'fetcher', 'enricher', 'api']) {
      expect([name, composeEnv(custom[name] ?? {}).DATABASE_URL]).toEqual([
        name,
        'postgres://reader:not-the-default-7@postgres:5432/news',
      ]);
    }
  });

  it.each([...STAGES, 'api'])(
    'runs the %s from the pinned image, read-only, with no capabilities or privilege gain',
    (name) => {
      const container = service(name);
      const tmpfs = [container.tmpfs ?? []].flat();

      expect(container.image).toBe(`newsflow:${VERSION}`);
      expect(container.read_only).toBe(true);
      expect(tmpfs.some((mount) => mount.split(':')[0] === '/tmp')).toBe(true);
      expect(container.cap_drop).toEqual(['ALL']);
      expect(container.security_opt).toContain('no-new-privileges:true');
    },
  );

  it('runs a single-node KRaft broker of the tested Kafka version, with auto-create off', () => {
    const pom = readFileSync(join(ROOT, 'tools/kafka/pom.xml'), 'utf8');
    const version = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(pom)?.[1];
    const kafka = service('kafka');
    const env = composeEnv(kafka);

    expect(kafka.image).toBe(`apache/kafka:${version}`);
    expect(env.KAFKA_PROCESS_ROLES?.split(',').sort()).toEqual(['broker', 'controller']);
    expect(env.KAFKA_CONTROLLER_QUORUM_VOTERS).toBe(`${env.KAFKA_NODE_ID}@kafka:9093`);
    expect(env.KAFKA_AUTO_CREATE_TOPICS_ENABLE).toBe('false');
    expect(env.KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR).toBe('1');
    expect(env.KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR).toBe('1');
    expect(env.KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS).toBe('0');
    expect(kafka.healthcheck?.test?.join(' ')).toContain('--bootstrap-server');
    expect(service('postgres').healthcheck?.test?.join(' ')).toContain('pg_isready');
  });

  it('gives the broker the largest batch the stages make, as tools/kafka does, and the stages one message limit', () => {
    const limits = messageLimits(loadKafkaConfig({}).maxMessageBytes);
    const broker = composeEnv(service('kafka'));
    const properties = Object.fromEntries(
      readFileSync(join(ROOT, 'tools/kafka/server.properties'), 'utf8')
        .split('\n')
        .filter((line) => /^[a-z.]+=/.test(line))
        .map((line) => line.split('=') as [string, string]),
    );

    expect(Number(broker.KAFKA_MESSAGE_MAX_BYTES)).toBe(limits.deadLetterTopicBytes);
    expect(Number(broker.KAFKA_REPLICA_FETCH_MAX_BYTES)).toBe(limits.deadLetterTopicBytes);
    expect(Number(properties['message.max.bytes'])).toBe(limits.deadLetterTopicBytes);
    expect(Number(properties['replica.fetch.max.bytes'])).toBe(limits.deadLetterTopicBytes);
    for (const stage of STAGES) {
      expect([stage, composeEnv(service(stage)).KAFKA_MAX_MESSAGE_BYTES]).toEqual([
        stage,
        String(limits.valueBytes),
      ]);
    }
  });

  it.each(STAGES)('sets exactly the variables the %s reads, each to a valid value', (stage) => {
    const env = composeEnv(service(stage));

    expect(Object.keys(env).sort()).toEqual(expectedVariables(stage));
    // Empty only where empty means "none" (no sources file, no extra networks).
    for (const [name, value] of Object.entries(env))
      if (!emptyByDefault(stage, name)) expect([name, value.trim()]).not.toEqual([name, '']);
    expectValidConfig(stage, env);
  });

  it.each(STAGES)('points the %s at the broker listener advertised to containers', (stage) => {
    const advertised = composeEnv(service('kafka'))
      .KAFKA_ADVERTISED_LISTENERS?.split(',')
      .map(hostAndPort);
    const brokers = loadKafkaConfig(composeEnv(service(stage))).brokers;

    expect(brokers).toEqual(['kafka:9092']);
    expect(advertised).toEqual(expect.arrayContaining(brokers));
  });

  it.each(STAGES)('builds the %s from the repo image and starts its entrypoint', (stage) => {
    const stageService = service(stage);

    expect(stageService.build?.context).toBe(ROOT);
    expect(stageService.image).toBe(service(STAGES[0] ?? stage).image);
    expect(stageService.command).toEqual(entrypoint(stage));
    expect(existsSync(join(ROOT, `apps/${stage}/src/main.ts`))).toBe(true);
  });

  it.each(STAGES)('starts the %s after a healthy broker and checks its readiness', (stage) => {
    const stageService = service(stage);
    const port = httpPortOf(stage, composeEnv(stageService));

    expect(stageService.depends_on?.kafka?.condition).toBe('service_healthy');
    expect(stageService.healthcheck?.test?.join(' ')).toContain('/health/ready');
    expect(composePorts(stageService)).toContainEqual(
      expect.objectContaining({ published: port, target: port }),
    );
  });

  it.each(['store', 'fetcher'] as const)(
    'gives the %s the compose Postgres, once it is healthy',
    (stage) => {
      const stageService = service(stage);
      const postgres = composeEnv(service('postgres'));
      const url = new URL(loadDatabaseConfig(composeEnv(stageService)).url);

      expect(stageService.depends_on?.postgres?.condition).toBe('service_healthy');
      expect(url.hostname).toBe('postgres');
      expect(url.username).toBe(postgres.POSTGRES_USER);
      expect(url.password).toBe(postgres.POSTGRES_PASSWORD);
      expect(url.pathname).toBe(`/${postgres.POSTGRES_DB}`);
    },
  );

  it('mounts the samples folder read-only where the fetcher watches', () => {
    const fetcher = service('fetcher');
    const folders = fetcherFolders(composeEnv(fetcher));

    expect(folders).toEqual(['/data/inbox']);
    expect(composeVolumes(fetcher)).toContainEqual({
      source: join(ROOT, 'samples'),
      target: '/data/inbox',
      readOnly: true,
    });
  });

  it('mounts a valid sources file where the fetcher reads it', () => {
    const fetcher = service('fetcher');
    const file = fetcherSourcesFile(composeEnv(fetcher));
    const mount = composeVolumes(fetcher).find((volume) => volume.target === file);

    expect(mount?.readOnly).toBe(true);
    const specs = readSourcesFile(readFileSync(mount?.source ?? '', 'utf8'));
    expect(specs.length).toBeGreaterThan(0);
  });
});

interface EnvEntry {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string } };
}

interface HttpProbe {
  httpGet?: { path: string; port: number | string };
}

interface SecurityContext {
  runAsNonRoot?: boolean;
  runAsUser?: number;
  seccompProfile?: { type: string };
  allowPrivilegeEscalation?: boolean;
  readOnlyRootFilesystem?: boolean;
  capabilities?: { drop?: string[]; add?: string[] };
}

interface Container {
  name: string;
  image: string;
  securityContext?: SecurityContext;
  command?: string[];
  envFrom?: { configMapRef?: { name: string } }[];
  env?: EnvEntry[];
  ports?: { name?: string; containerPort: number }[];
  startupProbe?: HttpProbe;
  livenessProbe?: HttpProbe;
  readinessProbe?: HttpProbe;
  resources?: {
    requests?: { cpu?: string; memory?: string };
    limits?: { cpu?: string; memory?: string };
  };
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[];
}

interface PodTemplate {
  metadata: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec: {
    terminationGracePeriodSeconds?: number;
    automountServiceAccountToken?: boolean;
    securityContext?: SecurityContext;
    initContainers?: Container[];
    containers: Container[];
    volumes?: {
      name: string;
      persistentVolumeClaim?: { claimName: string };
      configMap?: { name: string };
      emptyDir?: { sizeLimit?: string };
    }[];
  };
}

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

interface PolicyPort {
  protocol?: string;
  port?: number | string;
}

interface PolicyPeer {
  ipBlock?: { cidr: string; except?: string[] };
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
}

interface NetworkPolicySpec {
  podSelector: LabelSelector;
  policyTypes?: string[];
  ingress?: { from?: PolicyPeer[]; ports?: PolicyPort[] }[];
  egress?: { to?: PolicyPeer[]; ports?: PolicyPort[] }[];
}

/** A workload an autoscaler or a budget names; KEDA defaults to apps/v1 Deployment. */
interface TargetRef {
  apiVersion?: string;
  kind?: string;
  name: string;
}

interface ScaledObjectSpec {
  scaleTargetRef: TargetRef;
  minReplicaCount?: number;
  maxReplicaCount?: number;
  triggers: { type: string; metadata: Record<string, unknown> }[];
}

interface HorizontalPodAutoscalerSpec {
  scaleTargetRef: TargetRef;
  minReplicas?: number;
  maxReplicas: number;
  metrics?: unknown[];
}

interface PodDisruptionBudgetSpec {
  selector: LabelSelector;
  maxUnavailable?: number | string;
  minAvailable?: number | string;
}

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  data?: Record<string, string>;
  spec?: {
    replicas?: number;
    template?: PodTemplate;
    selector?: Record<string, string>;
    ports?: { port: number; targetPort?: number | string }[];
  };
}

/** Whether a selector picks a pod with these labels (the operators our manifests use). */
function selects(selector: LabelSelector, labels: Record<string, string>): boolean {
  const byLabel = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  const byExpression = (selector.matchExpressions ?? []).every((e) => {
    if (e.operator === 'In') return (e.values ?? []).includes(labels[e.key] ?? '');
    throw new Error(`selector operator ${e.operator} is not evaluated by this suite`);
  });
  return byLabel && byExpression;
}

/** Whether an ipBlock peer takes this address: inside the CIDR and outside every exception. */
function inBlock(block: { cidr: string; except?: string[] }, address: string): boolean {
  const ip = ipaddr.parse(address);
  const within = (cidr: string) => {
    const range = ipaddr.parseCIDR(cidr);
    return range[0].kind() === ip.kind() && ip.match(range);
  };
  return within(block.cidr) && !(block.except ?? []).some(within);
}

/** Whether a scaleTargetRef names this Deployment. */
function targets(ref: TargetRef, deployment: string): boolean {
  return (
    (ref.apiVersion ?? 'apps/v1') === 'apps/v1' &&
    (ref.kind ?? 'Deployment') === 'Deployment' &&
    ref.name === deployment
  );
}

/** Bytes in a memory quantity, for the suffixes our manifests use. */
function memoryBytes(quantity: string): number {
  const match = /^(\d+)(Ki|Mi|Gi|k|M|G)?$/.exec(quantity);
  if (!match) throw new Error(`memory quantity ${quantity} is not read by this suite`);
  const units: Record<string, number> = {
    Ki: 2 ** 10,
    Mi: 2 ** 20,
    Gi: 2 ** 30,
    k: 1e3,
    M: 1e6,
    G: 1e9,
  };
  return Number(match[1]) * (match[2] ? (units[match[2]] ?? NaN) : 1);
}

/** How many of `replicas` pods a budget lets be evicted at once (whole numbers only here). */
function allowedDisruptions(budget: PodDisruptionBudgetSpec, replicas: number): number {
  const { maxUnavailable, minAvailable } = budget;
  if (typeof maxUnavailable === 'string' || typeof minAvailable === 'string')
    throw new Error('percentages in a PodDisruptionBudget are not evaluated by this suite');
  if (maxUnavailable !== undefined) return Math.min(maxUnavailable, replicas);
  if (minAvailable !== undefined) return Math.max(replicas - minAvailable, 0);
  return replicas;
}

/** What the kustomizations deploy: the four stages and the read API. */
const WORKLOADS = [...STAGES, 'api'];

interface Kustomization {
  dir: string;
  image: string;
  /** Each Deployment's `replicas`: unset where an autoscaler owns the count. */
  replicas: Record<string, number | undefined>;
  bounds: {
    /** The most replicas KEDA may give a consuming stage: the partition count, or a number. */
    consumers: 'partitions' | number;
    /** The API's HPA bounds. */
    api: { min: number; max: number };
  };
}

const kustomizations: Kustomization[] = [
  {
    dir: 'k8s/base',
    image: `newsflow:${VERSION}`,
    replicas: {
      fetcher: 1,
      parser: undefined,
      enricher: undefined,
      store: undefined,
      api: undefined,
    },
    bounds: { consumers: 'partitions', api: { min: 2, max: 6 } },
  },
  {
    dir: 'k8s/overlays/local',
    image: 'newsflow:local',
    replicas: { fetcher: 1, parser: 1, enricher: 1, store: 1, api: undefined },
    bounds: { consumers: 1, api: { min: 2, max: 2 } },
  },
];

describe.each(kustomizations)('kustomization $dir', ({ dir, image, replicas, bounds }) => {
  let objects: K8sObject[];

  beforeAll(() => {
    const rendered = run(KUBECTL, ['kustomize', dir]);
    objects = parseAllDocuments(rendered).map((doc) => doc.toJS() as K8sObject);
  });

  function find(kind: string, name: string): K8sObject {
    const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
    if (!found) throw new Error(`${dir} renders no ${kind} ${name}`);
    return found;
  }

  function pod(stage: string): PodTemplate {
    const template = find('Deployment', stage).spec?.template;
    if (!template) throw new Error(`Deployment ${stage} has no pod template`);
    return template;
  }

  function container(stage: string): Container {
    const containers = pod(stage).spec.containers;
    expect(containers).toHaveLength(1);
    const [only] = containers;
    if (!only) throw new Error(`Deployment ${stage} has no container`);
    return only;
  }

  /** The container's environment as the kubelet builds it; Secret values are stand-ins. */
  function containerEnv(stage: string): { names: string[]; values: Record<string, string> } {
    const names: string[] = [];
    const values: Record<string, string> = {};
    for (const source of container(stage).envFrom ?? []) {
      const ref = source.configMapRef;
      if (!ref)
        throw new Error(`${stage} takes its environment from something other than a ConfigMap`);
      for (const [name, value] of Object.entries(find('ConfigMap', ref.name).data ?? {})) {
        names.push(name);
        values[name] = value;
      }
    }
    for (const entry of container(stage).env ?? []) {
      names.push(entry.name);
      values[entry.name] = entry.valueFrom?.secretKeyRef
        ? 'postgres://secret@db/x'
        : (entry.value ?? '');
    }
    return { names, values };
  }

  function httpPort(stage: string): number {
    return httpPortOf(stage, containerEnv(stage).values);
  }

  function resolvePort(stage: string, port: number | string | undefined): number | undefined {
    if (typeof port === 'number') return port;
    return container(stage).ports?.find((p) => p.name === port)?.containerPort;
  }

  it('renders a Deployment for each stage and the API, and nothing for Kafka or Postgres', () => {
    const deployments = objects.filter((o) => o.kind === 'Deployment').map((o) => o.metadata.name);

    expect(deployments.sort()).toEqual([...STAGES, 'api'].sort());
    expect(objects.map((o) => o.kind)).not.toContain('StatefulSet');
  });

  it('gives the API exactly the variables it reads, the database from the Secret, probes on its port', () => {
    const api = find('Deployment', 'api').spec?.template?.spec.containers[0];
    const env = api?.env ?? [];
    const values = Object.fromEntries(
      env.map((e) => [
        e.name,
        e.valueFrom?.secretKeyRef ? 'postgres://secret@db/x' : (e.value ?? ''),
      ]),
    );
    const port = appValues('api', values).API_PORT as number;

    expect(api?.envFrom ?? []).toEqual([]);
    expect(env.map((e) => e.name).sort()).toEqual(Object.keys(envOf('api')).sort());
    expect(env.find((e) => e.name === 'DATABASE_URL')?.valueFrom?.secretKeyRef).toEqual({
      name: 'newsflow-database',
      key: 'url',
    });
    expect(api?.ports?.map((p) => p.containerPort)).toEqual([port]);
    expect(api?.readinessProbe?.httpGet?.path).toBe('/health/ready');
    expect(find('Service', 'api').spec?.ports?.[0]?.port).toBe(port);
  });

  it('labels everything as part of newsflow', () => {
    for (const object of objects) {
      expect([object.kind, object.metadata.labels?.['app.kubernetes.io/part-of']]).toEqual([
        object.kind,
        'newsflow',
      ]);
    }
  });

  it.each(STAGES)('gives the %s exactly the variables it reads, each valid', (stage) => {
    const { names, values } = containerEnv(stage);

    expect([...names].sort()).toEqual(expectedVariables(stage));
    expect(new Set(names).size).toBe(names.length);
    expectValidConfig(stage, values);
  });

  it('gives every stage the default message limit, which the topics they create are sized for', () => {
    const shared = find('ConfigMap', container('parser').envFrom?.[0]?.configMapRef?.name ?? '');
    expect(shared.data?.KAFKA_MAX_MESSAGE_BYTES).toBe(
      String(messageLimits(loadKafkaConfig({}).maxMessageBytes).valueBytes),
    );
  });

  it('shares only the variables every stage reads through the ConfigMap', () => {
    const sharedRefs = new Set(
      STAGES.flatMap((stage) => (container(stage).envFrom ?? []).map((s) => s.configMapRef?.name)),
    );
    const [shared] = [...sharedRefs];

    expect(sharedRefs.size).toBe(1);
    expect(Object.keys(find('ConfigMap', shared ?? '').data ?? {}).sort()).toEqual(
      Object.keys(kafkaEnv).sort(),
    );
  });

  it.each(['store', 'fetcher', 'enricher'] as const)(
    'reads the %s DATABASE_URL from the newsflow-database Secret',
    (stage) => {
      const entry = container(stage).env?.find((e) => e.name === 'DATABASE_URL');

      expect(entry?.value).toBeUndefined();
      expect(entry?.valueFrom?.secretKeyRef).toEqual({ name: 'newsflow-database', key: 'url' });
    },
  );

  it.each(STAGES)('runs the %s entrypoint from the kustomized image', (stage) => {
    expect(container(stage).image).toBe(image);
    expect(container(stage).command).toEqual(entrypoint(stage));
    expect(existsSync(join(ROOT, `apps/${stage}/src/main.ts`))).toBe(true);
  });

  it.each(STAGES)('probes the %s health endpoints on its HTTP_PORT', (stage) => {
    const port = httpPort(stage);
    const { livenessProbe, readinessProbe, startupProbe } = container(stage);

    expect(container(stage).ports?.map((p) => p.containerPort)).toEqual([port]);
    expect(livenessProbe?.httpGet?.path).toBe('/health/live');
    expect(resolvePort(stage, livenessProbe?.httpGet?.port)).toBe(port);
    expect(readinessProbe?.httpGet?.path).toBe('/health/ready');
    expect(resolvePort(stage, readinessProbe?.httpGet?.port)).toBe(port);
    if (startupProbe) expect(resolvePort(stage, startupProbe.httpGet?.port)).toBe(port);
  });

  it.each(STAGES)('lets Prometheus scrape the %s and exposes it through a Service', (stage) => {
    const port = httpPort(stage);
    const annotations = pod(stage).metadata.annotations ?? {};
    const service = find('Service', stage);
    const selector = service.spec?.selector ?? {};
    const podLabels = pod(stage).metadata.labels ?? {};

    expect(annotations['prometheus.io/scrape']).toBe('true');
    expect(annotations['prometheus.io/port']).toBe(String(port));
    expect(annotations['prometheus.io/path']).toBe('/metrics');
    expect(Object.keys(selector).length).toBeGreaterThan(0);
    expect(podLabels).toEqual(expect.objectContaining(selector));
    expect(resolvePort(stage, service.spec?.ports?.[0]?.targetPort)).toBe(port);
  });

  it.each(STAGES)('sizes the %s and gives it time to drain on SIGTERM', (stage) => {
    const { resources } = container(stage);

    expect(resources?.requests?.cpu).toBeDefined();
    expect(resources?.requests?.memory).toBeDefined();
    expect(resources?.limits?.memory).toBeDefined();
    expect(pod(stage).spec.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(60);
  });

  it('runs one fetcher, and no more consumers than a topic has partitions', () => {
    const partitions = loadKafkaConfig(containerEnv('parser').values).topicPartitions;

    for (const name of WORKLOADS) {
      const count = find('Deployment', name).spec?.replicas;
      expect([name, count]).toEqual([name, replicas[name]]);
      if (count !== undefined && name !== 'api') expect(count).toBeLessThanOrEqual(partitions);
    }
  });

  function specs<S>(kind: string): { name: string; apiVersion: string; spec: S }[] {
    return objects
      .filter((o) => o.kind === kind)
      .map((o) => ({
        name: o.metadata.name,
        apiVersion: o.apiVersion,
        spec: o.spec as unknown as S,
      }));
  }

  /** The replica bounds each autoscaler (KEDA's or an HPA) puts on this Deployment. */
  function autoscaling(name: string): { min: number; max: number }[] {
    return [
      ...specs<ScaledObjectSpec>('ScaledObject')
        .filter((o) => targets(o.spec.scaleTargetRef, name))
        // KEDA's defaults: 0 and 100.
        .map((o) => ({ min: o.spec.minReplicaCount ?? 0, max: o.spec.maxReplicaCount ?? 100 })),
      ...specs<HorizontalPodAutoscalerSpec>('HorizontalPodAutoscaler')
        .filter((o) => targets(o.spec.scaleTargetRef, name))
        .map((o) => ({ min: o.spec.minReplicas ?? 1, max: o.spec.maxReplicas })),
    ];
  }

  /** The fewest pods the Deployment runs: its autoscaler's minimum, else its count. */
  function fewestReplicas(name: string): number {
    return autoscaling(name)[0]?.min ?? find('Deployment', name).spec?.replicas ?? 1;
  }

  it('finds the consuming stages in the code, each reading one topic', () => {
    expect(CONSUMERS.length).toBeGreaterThan(0);
    // One handler each: the group is then <prefix>-<stage>; a second would get a group of its own.
    for (const stage of CONSUMERS)
      expect([stage, consumedTopics(stage).length]).toEqual([stage, 1]);
  });

  it.each(CONSUMERS)(
    "scales the %s with KEDA on its group's lag on the topic it reads, up to the partitions",
    (stage) => {
      const kafka = loadKafkaConfig(containerEnv(stage).values);
      const scaled = specs<ScaledObjectSpec>('ScaledObject').filter((o) =>
        targets(o.spec.scaleTargetRef, stage),
      );
      const [only] = scaled;
      const triggers = only?.spec.triggers ?? [];
      const metadata = triggers[0]?.metadata ?? {};

      expect(scaled).toHaveLength(1);
      expect(only?.apiVersion).toBe('keda.sh/v1alpha1');
      expect(triggers.map((t) => t.type)).toEqual(['kafka']);
      expect(metadata).toMatchObject({
        topic: consumedTopics(stage)[0],
        consumerGroup: consumerGroupId(kafka.groupPrefix, stage),
        // The stages' consumers start a new group at the beginning (ConsumerRunner's
        // fromBeginning), so KEDA counts a group with no offsets as the whole topic behind.
        offsetResetPolicy: 'earliest',
      });
      // KEDA's operator dials the broker itself: the address the stage is given.
      expect(String(metadata.bootstrapServers).split(',')).toEqual(kafka.brokers);
      // Trigger metadata is a map of strings: a YAML number is refused by the CRD.
      for (const [key, value] of Object.entries(metadata))
        expect([key, typeof value]).toEqual([key, 'string']);
      expect(String(metadata.lagThreshold)).toMatch(/^[1-9]\d*$/);
      expect(metadata.allowIdleConsumers ?? 'false').toBe('false');
      expect(only?.spec.minReplicaCount).toBe(1);
      expect(only?.spec.maxReplicaCount).toBe(
        bounds.consumers === 'partitions' ? kafka.topicPartitions : bounds.consumers,
      );
      expect(only?.spec.maxReplicaCount).toBeLessThanOrEqual(kafka.topicPartitions);
    },
  );

  it('scales the API on CPU with an HPA, at 70% of its CPU request', () => {
    const hpas = specs<HorizontalPodAutoscalerSpec>('HorizontalPodAutoscaler');
    const [hpa] = hpas;

    expect(hpas.map((h) => h.spec.scaleTargetRef)).toEqual([
      { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' },
    ]);
    expect(hpa?.apiVersion).toBe('autoscaling/v2');
    expect({ min: hpa?.spec.minReplicas, max: hpa?.spec.maxReplicas }).toEqual(bounds.api);
    expect(hpa?.spec.metrics).toEqual([
      {
        type: 'Resource',
        resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } },
      },
    ]);
    // Utilization is a share of the request: without one the HPA cannot compute it.
    expect(container('api').resources?.requests?.cpu).toBeDefined();
  });

  it('gives the consuming stages and the API one autoscaler each, and no count that fights it', () => {
    const autoscaled = [...CONSUMERS, 'api'];

    for (const name of WORKLOADS) {
      const bounds = autoscaling(name);
      const count = find('Deployment', name).spec?.replicas;
      expect([name, bounds.length]).toEqual([name, autoscaled.includes(name) ? 1 : 0]);
      // A count is put back by every `kubectl apply`: only one the autoscaler would keep may stay.
      if (bounds[0] && count !== undefined)
        expect([name, bounds[0]]).toEqual([name, { min: count, max: count }]);
    }
  });

  it.each(WORKLOADS)(
    'gives the %s one PodDisruptionBudget, which lets a drain evict a pod at its fewest replicas',
    (name) => {
      const labels = pod(name).metadata.labels ?? {};
      const budgets = specs<PodDisruptionBudgetSpec>('PodDisruptionBudget').filter((b) =>
        selects(b.spec.selector, labels),
      );
      const [budget] = budgets;
      const others = WORKLOADS.filter(
        (other) =>
          other !== name &&
          budget !== undefined &&
          selects(budget.spec.selector, pod(other).metadata.labels ?? {}),
      );

      // A pod under two budgets cannot be evicted at all.
      expect(budgets.map((b) => b.name)).toHaveLength(1);
      expect(budget?.apiVersion).toBe('policy/v1');
      expect(others).toEqual([]);
      expect(allowedDisruptions(budget?.spec ?? { selector: {} }, fewestReplicas(name))).toBe(1);
    },
  );

  it('gives every container a non-root user, a read-only root, no privilege escalation, a CPU request and a memory request and limit', () => {
    const deployments = objects.filter((o) => o.kind === 'Deployment');
    const containers = deployments.flatMap((d) => {
      const spec = d.spec?.template?.spec;
      return [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])].map((c) => ({
        where: `${d.metadata.name}/${c.name}`,
        pod: spec,
        c,
      }));
    });

    expect(deployments.length).toBe(WORKLOADS.length);
    expect(containers.length).toBeGreaterThanOrEqual(deployments.length);
    for (const { where, pod: spec, c } of containers) {
      const { requests, limits } = c.resources ?? {};
      expect([
        where,
        {
          runAsNonRoot: c.securityContext?.runAsNonRoot ?? spec?.securityContext?.runAsNonRoot,
          readOnlyRootFilesystem: c.securityContext?.readOnlyRootFilesystem,
          allowPrivilegeEscalation: c.securityContext?.allowPrivilegeEscalation,
          cpuRequest: requests?.cpu !== undefined,
          memoryRequest: requests?.memory !== undefined,
          memoryLimit: limits?.memory !== undefined,
        },
      ]).toEqual([
        where,
        {
          runAsNonRoot: true,
          readOnlyRootFilesystem: true,
          allowPrivilegeEscalation: false,
          cpuRequest: true,
          memoryRequest: true,
          memoryLimit: true,
        },
      ]);
      if (requests?.memory && limits?.memory)
        expect(memoryBytes(requests.memory)).toBeLessThanOrEqual(memoryBytes(limits.memory));
    }
  });

  it('mounts the fetcher inbox volume at each folder it watches', () => {
    const folders = fetcherFolders(containerEnv('fetcher').values);
    const mounts = container('fetcher').volumeMounts ?? [];

    for (const folder of folders) {
      const mount = mounts.find((m) => m.mountPath === folder);
      const volume = pod('fetcher').spec.volumes?.find((v) => v.name === mount?.name);
      expect(volume?.persistentVolumeClaim).toBeDefined();
      find('PersistentVolumeClaim', volume?.persistentVolumeClaim?.claimName ?? '');
    }
  });

  it('mounts a ConfigMap with a valid sources file where the fetcher reads it', () => {
    const file = fetcherSourcesFile(containerEnv('fetcher').values);
    const mount = (container('fetcher').volumeMounts ?? []).find(
      (m) => m.mountPath === dirname(file),
    );
    const volume = pod('fetcher').spec.volumes?.find((v) => v.name === mount?.name);
    const data = find('ConfigMap', volume?.configMap?.name ?? '').data ?? {};

    expect(mount?.readOnly).toBe(true);
    expect(readSourcesFile(data[basename(file)] ?? '').length).toBeGreaterThan(0);
  });
  it.each(WORKLOADS)(
    'runs the %s as non-root under the runtime seccomp profile, with no service account token',
    (name) => {
      const spec = pod(name).spec;
      const context = container(name).securityContext;

      expect(spec.automountServiceAccountToken).toBe(false);
      expect(context?.runAsNonRoot ?? spec.securityContext?.runAsNonRoot).toBe(true);
      expect(context?.seccompProfile ?? spec.securityContext?.seccompProfile).toEqual({
        type: 'RuntimeDefault',
      });
    },
  );

  it.each(WORKLOADS)(
    'gives the %s a read-only root, no capabilities, no privilege escalation, and /tmp in an emptyDir',
    (name) => {
      const { securityContext, volumeMounts } = container(name);
      const tmp = volumeMounts?.find((mount) => mount.mountPath === '/tmp');
      const volume = pod(name).spec.volumes?.find((v) => v.name === tmp?.name);

      expect(securityContext).toMatchObject({
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
      });
      expect(securityContext?.capabilities?.add).toBeUndefined();
      expect(volume?.emptyDir?.sizeLimit).toBeDefined();
    },
  );

  it('runs every container from one tagged image, never :latest', () => {
    for (const name of WORKLOADS) expect([name, container(name).image]).toEqual([name, image]);
    expect(image).not.toMatch(/:latest$/);
  });

  function policies(): { name: string; spec: NetworkPolicySpec }[] {
    return objects
      .filter((o) => o.kind === 'NetworkPolicy')
      .map((o) => ({ name: o.metadata.name, spec: o.spec as unknown as NetworkPolicySpec }));
  }

  /** The policies that select the workload's pods for this direction. */
  function applying(name: string, direction: 'Ingress' | 'Egress') {
    const labels = pod(name).metadata.labels ?? {};
    return policies().filter(
      (p) => selects(p.spec.podSelector, labels) && (p.spec.policyTypes ?? []).includes(direction),
    );
  }

  function portAllowed(
    ports: PolicyPort[] | undefined,
    name: string,
    port: number,
    protocol: string,
  ) {
    if (!ports || ports.length === 0) return true;
    return ports.some(
      (p) =>
        (p.protocol ?? 'TCP') === protocol &&
        (p.port === undefined ||
          p.port === port ||
          (typeof p.port === 'string' && resolvePort(name, p.port) === port)),
    );
  }

  /** As Kubernetes decides: allowed when no policy selects the pod, or when some rule allows it. */
  function egressAllowed(name: string, address: string, port: number, protocol = 'TCP'): boolean {
    const selecting = applying(name, 'Egress');
    if (selecting.length === 0) return true;
    return selecting.some((p) =>
      (p.spec.egress ?? []).some(
        (rule) =>
          portAllowed(rule.ports, name, port, protocol) &&
          (!rule.to ||
            rule.to.length === 0 ||
            rule.to.some((peer) => peer.ipBlock !== undefined && inBlock(peer.ipBlock, address))),
      ),
    );
  }

  /** From anywhere: the rules here name no sources, and a rule that does counts as refusing. */
  function ingressAllowed(name: string, port: number): boolean {
    const selecting = applying(name, 'Ingress');
    if (selecting.length === 0) return true;
    return selecting.some((p) =>
      (p.spec.ingress ?? []).some(
        (rule) =>
          (!rule.from || rule.from.length === 0) && portAllowed(rule.ports, name, port, 'TCP'),
      ),
    );
  }

  it('denies all traffic of Newsflow pods, and only theirs, unless a policy allows it', () => {
    const denials = policies().filter((p) => !p.spec.ingress && !p.spec.egress);

    expect(denials.map((p) => p.spec)).toEqual([
      {
        podSelector: { matchLabels: { 'app.kubernetes.io/part-of': 'newsflow' } },
        policyTypes: expect.arrayContaining(['Ingress', 'Egress']) as string[],
      },
    ]);
    for (const { name, spec } of policies()) {
      expect([name, spec.podSelector.matchLabels?.['app.kubernetes.io/part-of']]).toEqual([
        name,
        'newsflow',
      ]);
    }
  });

  it.each(WORKLOADS)('lets the %s take connections on its HTTP port only', (name) => {
    const port = resolvePort(name, 'http') ?? 0;

    expect(ingressAllowed(name, port)).toBe(true);
    // The Node inspector's port, say: nothing else listens, and nothing else is let in.
    expect(ingressAllowed(name, 9229)).toBe(false);
  });

  it.each(WORKLOADS)('lets the %s ask DNS', (name) => {
    expect(egressAllowed(name, '10.96.0.10', 53, 'UDP')).toBe(true);
    expect(egressAllowed(name, '10.96.0.10', 53, 'TCP')).toBe(true);
  });

  it('lets the four stages reach the broker port of KAFKA_BROKERS, and not the API', () => {
    const brokers = loadKafkaConfig(containerEnv('parser').values).brokers;
    const ports = new Set(brokers.map((broker) => Number(broker.split(':').at(-1))));

    expect(ports.size).toBeGreaterThan(0);
    for (const port of ports) {
      expect(WORKLOADS.filter((name) => egressAllowed(name, '10.0.0.9', port)).sort()).toEqual(
        [...STAGES].sort(),
      );
    }
  });

  it('lets the store, the fetcher, the enricher (its story index) and the API reach Postgres, and not the parser', () => {
    expect(
      WORKLOADS.filter((name) => egressAllowed(name, '10.0.0.8', POSTGRES_PORT)).sort(),
    ).toEqual(['api', 'enricher', 'fetcher', 'store']);
  });

  it.each([
    ['93.184.215.14', 443, true],
    ['93.184.215.14', 8080, true],
    ['2606:2800:21f:cb07:6820:80da:af6b:8b2c', 443, true],
    ['10.1.2.3', 80, false],
    ['172.16.5.4', 443, false],
    ['192.168.1.1', 80, false],
    ['127.0.0.1', 80, false],
    ['0.0.0.0', 80, false],
    ['169.254.169.254', 80, false],
    ['100.64.0.1', 80, false],
    ['::1', 80, false],
    ['fd00::1', 443, false],
    ['fe80::1', 80, false],
    ['::ffff:10.0.0.1', 80, false],
  ])('lets the fetcher reach %s on port %d: %s', (address, port, allowed) => {
    expect(egressAllowed('fetcher', address, port)).toBe(allowed);
  });

  it('keeps the parser, the enricher, the store and the API off the internet', () => {
    const online = WORKLOADS.filter((name) => egressAllowed(name, '93.184.215.14', 443));

    expect(online).toEqual(['fetcher']);
  });
});
