import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { templateText } from '../../scripts/lib/infra-template.js';
import { JSON_BODY_LIMIT } from '../../src/app.js';
import { defaultHubOptions } from '../../src/realtime/hub.js';
import { KEEP_ALIVE_TIMEOUT_MS } from '../../src/start.js';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

// Every namespace of the Elastic Beanstalk guide's "General options for all environments", plus
// the Node.js (Amazon Linux 2/2023) platform's proxy namespace. Listener namespaces take a port.
const KNOWN_NAMESPACES = [
  'aws:autoscaling:asg',
  'aws:autoscaling:launchconfiguration',
  'aws:autoscaling:scheduledaction',
  'aws:autoscaling:trigger',
  'aws:autoscaling:updatepolicy:rollingupdate',
  'aws:ec2:instances',
  'aws:ec2:vpc',
  'aws:elasticbeanstalk:application',
  'aws:elasticbeanstalk:application:environment',
  'aws:elasticbeanstalk:application:environmentsecrets',
  'aws:elasticbeanstalk:cloudwatch:logs',
  'aws:elasticbeanstalk:cloudwatch:logs:health',
  'aws:elasticbeanstalk:command',
  'aws:elasticbeanstalk:environment',
  'aws:elasticbeanstalk:environment:process:default',
  'aws:elasticbeanstalk:environment:proxy:staticfiles',
  'aws:elasticbeanstalk:environment:proxy',
  'aws:elasticbeanstalk:healthreporting:system',
  'aws:elasticbeanstalk:hostmanager',
  'aws:elasticbeanstalk:managedactions',
  'aws:elasticbeanstalk:managedactions:platformupdate',
  'aws:elasticbeanstalk:monitoring',
  'aws:elasticbeanstalk:sns:topics',
  'aws:elasticbeanstalk:trafficsplitting',
  'aws:elasticbeanstalk:xray',
  'aws:elbv2:listener:default',
  'aws:elbv2:loadbalancer',
  // "Custom options": values for .ebextensions Resources to read with Fn::GetOptionSetting.
  'aws:elasticbeanstalk:customoption',
];
const isKnown = (ns: string) => KNOWN_NAMESPACES.includes(ns) || /^aws:elbv2:listener:\d+$/.test(ns);

type Options = Record<string, Record<string, unknown>>;
const ebextensions = readdirSync(new URL('.ebextensions/', root)).filter((f) => f.endsWith('.config'));
const savedConfigs = readdirSync(new URL('.elasticbeanstalk/saved_configs/', root));
const allOptions = (): Options => {
  const merged: Options = {};
  for (const f of ebextensions) {
    for (const [ns, opts] of Object.entries(
      (parse(read(`.ebextensions/${f}`)) as { option_settings: Options }).option_settings,
    )) {
      merged[ns] = { ...merged[ns], ...opts };
    }
  }
  return merged;
};

describe('Elastic Beanstalk configuration', () => {
  it('parses every .ebextensions file and uses only real option namespaces', () => {
    expect(ebextensions.length).toBeGreaterThan(0);
    for (const ns of Object.keys(allOptions()))
      expect({ ns, known: isKnown(ns) }).toEqual({ ns, known: true });
  });

  it('parses the saved configurations, one per environment, with real namespaces', () => {
    expect(savedConfigs.sort()).toEqual(['chatx-prod.cfg.yml', 'chatx-staging.cfg.yml']);
    for (const f of savedConfigs) {
      const cfg = parse(read(`.elasticbeanstalk/saved_configs/${f}`)) as { OptionSettings: Options };
      for (const ns of Object.keys(cfg.OptionSettings))
        expect({ f, ns, known: isKnown(ns) }).toEqual({ f, ns, known: true });
      const env = cfg.OptionSettings['aws:elasticbeanstalk:application:environment'] as Record<
        string,
        string
      >;
      const stage = f.replace(/^chatx-|\.cfg\.yml$/g, '');
      expect(env).toMatchObject({ STAGE: stage, TABLE_PREFIX: `chatx-${stage}-` });
    }
  });

  it('commits no secrets in environment properties', () => {
    const text = [
      ...ebextensions.map((f) => read(`.ebextensions/${f}`)),
      ...savedConfigs.map((f) => read(`.elasticbeanstalk/saved_configs/${f}`)),
    ].join('\n');
    expect(text).not.toMatch(/JWT_SECRET\s*:|REDIS_URL\s*:|aws_secret|password/i);
  });

  it('orders timeouts so the ALB never sees its target close first, and pings stay under all of them', () => {
    const options = allOptions();
    const albIdle = Number(options['aws:elbv2:loadbalancer']?.IdleTimeout);
    const nginxKeepAlive = 65; // the platform nginx.conf's keepalive_timeout, left as is
    const nginxRead = Number(
      /proxy_read_timeout\s+(\d+)s;/.exec(
        read('.platform/nginx/conf.d/elasticbeanstalk/00_application.conf'),
      )?.[1],
    );
    const ping = defaultHubOptions.pingIntervalMs / 1000;
    expect(albIdle).toBe(60);
    expect(albIdle).toBeLessThan(nginxKeepAlive);
    expect(nginxKeepAlive).toBeLessThan(KEEP_ALIVE_TIMEOUT_MS / 1000);
    expect(ping * 1.5).toBeLessThan(albIdle);
    expect(ping * 1.5).toBeLessThan(nginxRead);
  });

  it('proxies to the PORT the environment sets, with the app\u2019s body limit', () => {
    const port = allOptions()['aws:elasticbeanstalk:application:environment']?.PORT;
    const conf = read('.platform/nginx/conf.d/elasticbeanstalk/00_application.conf');
    expect(conf).toContain(`proxy_pass          http://127.0.0.1:${port};`);
    expect(conf).toContain(`client_max_body_size ${JSON_BODY_LIMIT.replace(/kb$/, 'k')};`); // nginx spells KiB 'k'
    expect(allOptions()['aws:elasticbeanstalk:environment:process:default']).toMatchObject({
      HealthCheckPath: '/healthz',
    });
    expect(allOptions()['aws:elasticbeanstalk:environment']).toMatchObject({
      LoadBalancerType: 'application',
    });
  });

  it('never lets nginx reach the metrics port, and alarms on ack p99, 5xx and throttles in prod', () => {
    const metricsPort = String(allOptions()['aws:elasticbeanstalk:application:environment']?.METRICS_PORT);
    expect(metricsPort).toBe('9464');
    for (const f of ['conf.d/chatx-websocket.conf', 'conf.d/elasticbeanstalk/00_application.conf']) {
      const conf = read(`.platform/nginx/${f}`);
      expect(conf).not.toContain(metricsPort);
      for (const target of conf.matchAll(/proxy_pass\s+(\S+);/g))
        expect(target[1]).toBe('http://127.0.0.1:8080');
    }
    const resources = (parse(read('.ebextensions/04-metrics.config')) as { Resources: Options }).Resources;
    const alarms = Object.values(resources)
      .filter((r) => r.Type === 'AWS::CloudWatch::Alarm')
      .map((r) => (r.Properties as { MetricName: string }).MetricName);
    expect(alarms.sort()).toEqual(['AckLatencyP99', 'DynamoDBThrottles', 'HTTPCode_Target_5XX_Count']);
    const prod = parse(read('.elasticbeanstalk/saved_configs/chatx-prod.cfg.yml')) as {
      OptionSettings: Options;
    };
    expect(Object.keys(prod.OptionSettings['aws:elasticbeanstalk:customoption'] ?? {}).sort()).toEqual([
      'AckLatencyP99AlarmMs',
      'AlarmEmail',
      'DynamoDBThrottleAlarmPerMinute',
      'Http5xxAlarmPerMinute',
    ]);
  });

  it('starts with the Procfile and keeps the hooks executable in git', () => {
    const web = read('Procfile').trim();
    expect(web).toBe('web: node --max-semi-space-size=32 dist/server.js');
    // `pnpm start` runs what Elastic Beanstalk runs, Node flags included.
    expect(`web: ${JSON.parse(read('package.json')).scripts.start}`).toBe(web);
    const modes = execFileSync('git', ['ls-files', '-s', '.platform/hooks', 'scripts/deploy.sh'], {
      cwd: root,
      encoding: 'utf8',
    });
    for (const line of modes.trim().split('\n')) expect(line.startsWith('100755')).toBe(true);
  });

  it('keeps infra/chatx-tables.json in step with src/db/tables.ts', () => {
    expect(JSON.parse(read('infra/chatx-tables.json'))).toEqual(JSON.parse(templateText()));
  });

  it('refuses to deploy to prod what has not passed staging', () => {
    const r = spawnSync('bash', ['scripts/deploy.sh', 'prod', 'chatx-0000000'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("refusing prod: 'chatx-0000000' has not passed staging's smoke test");
  });
});
