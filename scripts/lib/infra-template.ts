import { type TableDefinition, tableDefinitions, tableNames } from '../../src/db/tables.js';

// The production tables as a CloudFormation template, generated from src/db/tables.ts so that
// the keys and indexes the code uses and the ones deployed cannot drift apart (a test checks the
// committed infra/chatx-tables.json is current). Tables live in their own stack per stage, with
// Retain policies, so terminating or rebuilding an Elastic Beanstalk environment never touches them.

const PLACEHOLDER = '__PREFIX__';
const logicalId = (name: string) => `${name.charAt(0).toUpperCase()}${name.slice(1)}Table`;

function table(def: TableDefinition, key: string) {
  const { TableName, ...rest } = def.input;
  return {
    Type: 'AWS::DynamoDB::Table',
    DeletionPolicy: 'Retain',
    UpdateReplacePolicy: 'Retain',
    Properties: {
      TableName: { 'Fn::Sub': (TableName as string).replace(PLACEHOLDER, 'chatx-${Stage}-') },
      ...rest,
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true },
      ...(def.ttlAttribute
        ? { TimeToLiveSpecification: { AttributeName: def.ttlAttribute, Enabled: true } }
        : {}),
      Tags: [
        { Key: 'app', Value: 'chatx' },
        { Key: 'stage', Value: { Ref: 'Stage' } },
        { Key: 'table', Value: key },
      ],
    },
  };
}

export function buildTemplate() {
  const names = tableNames(PLACEHOLDER);
  const defs = tableDefinitions(names);
  const keys = Object.keys(names);
  const resources: Record<string, unknown> = {};
  defs.forEach((def, i) => {
    resources[logicalId(keys[i] as string)] = table(def, keys[i] as string);
  });
  const tableArns = keys.map((k) => ({ 'Fn::GetAtt': [logicalId(k), 'Arn'] }));
  const indexArns = keys.map((k) => ({ 'Fn::Sub': `\${${logicalId(k)}.Arn}/index/*` }));
  resources.AppPolicy = {
    Type: 'AWS::IAM::ManagedPolicy',
    Properties: {
      ManagedPolicyName: { 'Fn::Sub': 'chatx-${Stage}-app-dynamodb' },
      Description: 'What the Chat-X app needs on its own stage tables, nothing more',
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'Items',
            Effect: 'Allow',
            Action: [
              'dynamodb:GetItem',
              'dynamodb:PutItem',
              'dynamodb:UpdateItem',
              'dynamodb:DeleteItem',
              'dynamodb:ConditionCheckItem',
              'dynamodb:BatchGetItem',
              'dynamodb:BatchWriteItem',
              'dynamodb:Query',
              'dynamodb:DescribeTable',
            ],
            Resource: tableArns,
          },
          { Sid: 'Indexes', Effect: 'Allow', Action: ['dynamodb:Query'], Resource: indexArns },
        ],
      },
    },
  };
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'Chat-X DynamoDB tables for one stage (retained on delete) and the app policy',
    Parameters: { Stage: { Type: 'String', AllowedValues: ['staging', 'prod'] } },
    Resources: resources,
    Outputs: {
      AppPolicyArn: {
        Description: 'Attach to the Elastic Beanstalk instance profile role of this stage',
        Value: { Ref: 'AppPolicy' },
      },
      TablePrefix: { Value: { 'Fn::Sub': 'chatx-${Stage}-' } },
    },
  };
}

export const templateText = () => `${JSON.stringify(buildTemplate(), null, 2)}\n`;
