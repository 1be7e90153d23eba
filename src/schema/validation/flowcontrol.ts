// pkg/apis/flowcontrol/validation: a FlowSchema's spec on create (precedence, priority level, rules and subjects) and a
// PriorityLevelConfiguration's (type, limited or exempt shares and percentages, limit response, queuing). The
// distinguisher method and the fixed specs of the mandatory 'exempt' and 'catch-all' objects are not checked here.
import { appendAll } from '../../model/append.js';
import { dns1123LabelErrors, subdomainErrors } from '../../model/name-validation.js';
import { forbidden, GoNamedString, GoSlice, invalid, notSupported, required, type ErrorList, type FieldPath } from './field-error.js';
import { arrayField, asRecord, intField, recordField, stringField, type Fields } from './values.js';

// upstream: pkg/apis/flowcontrol/types.go FlowSchemaMaxMatchingPrecedence, FlowSchemaNameExempt; validation.go
// supportedVerbs and supportedSubjectKinds (sets.NewString(...).List(): sorted), nsErrIntro
const MAX_MATCHING_PRECEDENCE = 10000;
const EXEMPT = 'exempt';
const SUPPORTED_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'proxy', 'update', 'watch'];
const SUBJECT_KINDS = ['Group', 'ServiceAccount', 'User'];
const NAMESPACE_ERROR_INTRO = "each member of this list must be '*' or a DNS-1123 label; ";

// upstream: validation.go ValidateFlowSchemaSpec; flowcontrol/v1 SetDefaults_FlowSchemaSpec makes a zero precedence 1000
export function validateFlowSchema(object: Fields): ErrorList {
  const spec = recordField(object, 'spec') ?? {};
  const field: FieldPath = ['spec'];
  const errors: ErrorList = [];
  const precedence = intField(spec, 'matchingPrecedence') || 1000;
  const at = field.concat('matchingPrecedence');
  if (precedence <= 0) errors.push(invalid(at, precedence, 'must be a positive value'));
  if (precedence > MAX_MATCHING_PRECEDENCE) errors.push(invalid(at, precedence, `must not be greater than ${MAX_MATCHING_PRECEDENCE}`));
  if (precedence === 1 && stringField(recordField(object, 'metadata'), 'name') !== EXEMPT) errors.push(invalid(at, precedence, "only the schema named 'exempt' may have matchingPrecedence 1"));
  const level = stringField(recordField(spec, 'priorityLevelConfiguration'), 'name') ?? '';
  const levelField = field.concat('priorityLevelConfiguration', 'name');
  if (level.length === 0) errors.push(required(levelField, 'must reference a priority level'));
  else appendAll(errors, subdomainErrors(level).map((message) => invalid(levelField, level, message)));
  arrayField(spec, 'rules').forEach((rule, index) => appendAll(errors, validateRule(asRecord(rule) ?? {}, field.concat('rules', index))));
  return errors;
}

// upstream: validation.go ValidateFlowSchemaPolicyRulesWithSubjects
function validateRule(rule: Fields, field: FieldPath): ErrorList {
  const subjects = arrayField(rule, 'subjects');
  const errors: ErrorList = subjects.length === 0 ? [required(field.concat('subjects'), 'subjects must contain at least one value')] : [];
  subjects.forEach((subject, index) => appendAll(errors, validateSubject(asRecord(subject) ?? {}, field.concat('subjects', index))));
  const resourceRules = arrayField(rule, 'resourceRules');
  const nonResourceRules = arrayField(rule, 'nonResourceRules');
  if (resourceRules.length === 0 && nonResourceRules.length === 0) errors.push(required(field, 'at least one of resourceRules and nonResourceRules has to be non-empty'));
  resourceRules.forEach((entry, index) => appendAll(errors, validateResourceRule(asRecord(entry) ?? {}, field.concat('resourceRules', index))));
  nonResourceRules.forEach((entry, index) => appendAll(errors, validateNonResourceRule(asRecord(entry) ?? {}, field.concat('nonResourceRules', index))));
  return errors;
}

const SUBJECT_FIELDS = { ServiceAccount: 'serviceAccount', User: 'user', Group: 'group' } as const;

// upstream: validation.go ValidateFlowSchemaSubject, ValidateServiceAccountSubject, ValidateUserSubject, ValidateGroupSubject
function validateSubject(subject: Fields, field: FieldPath): ErrorList {
  const kind = stringField(subject, 'kind') ?? '';
  if (kind !== 'ServiceAccount' && kind !== 'User' && kind !== 'Group') return [notSupported(field.concat('kind'), new GoNamedString(kind), SUBJECT_KINDS)];
  const own = SUBJECT_FIELDS[kind];
  const body = recordField(subject, own);
  const errors: ErrorList = [];
  if (!body) errors.push(required(field.concat(own), `${own} is required when subject kind is '${kind}'`));
  else appendAll(errors, kind === 'ServiceAccount' ? validateServiceAccountSubject(body, field.concat(own)) : requiredName(body, field.concat(own)));
  for (const [other, name] of Object.entries(SUBJECT_FIELDS)) {
    if (name !== own && subject[name] !== undefined && subject[name] !== null) errors.push(forbidden(field.concat(name), `${name} is forbidden when subject kind is not '${other}'`));
  }
  return errors;
}

function requiredName(body: Fields, field: FieldPath): ErrorList {
  return (stringField(body, 'name') ?? '') === '' ? [required(field.concat('name'))] : [];
}

function validateServiceAccountSubject(account: Fields, field: FieldPath): ErrorList {
  const name = stringField(account, 'name') ?? '';
  const errors: ErrorList = name === '' ? [required(field.concat('name'))] : [];
  // ValidateServiceAccountName is NameIsDNSSubdomain; '*' (flowcontrol.NameAll) stands for every account
  if (name !== '' && name !== '*') appendAll(errors, subdomainErrors(name).map((message) => invalid(field.concat('name'), name, message)));
  const namespace = stringField(account, 'namespace') ?? '';
  if (namespace === '') errors.push(required(field.concat('namespace'), 'must specify namespace for service account'));
  else appendAll(errors, dns1123LabelErrors(namespace).map((message) => invalid(field.concat('namespace'), namespace, message)));
  return errors;
}

/** A rule's verbs: '*' alone, or verbs the API serves. */
function validateVerbs(rule: Fields, field: FieldPath): ErrorList {
  const verbs = strings(rule, 'verbs');
  if (verbs.length === 0) return [required(field, 'verbs must contain at least one value')];
  if (verbs.includes('*')) return verbs.length > 1 ? [invalid(field, new GoSlice('[]string', verbs), "if '*' is present, must not specify other verbs")] : [];
  return verbs.every((verb) => SUPPORTED_VERBS.includes(verb)) ? [] : [notSupported(field, new GoSlice('[]string', verbs), SUPPORTED_VERBS)];
}

// upstream: validation.go ValidateFlowSchemaResourcePolicyRule
function validateResourceRule(rule: Fields, field: FieldPath): ErrorList {
  const errors = validateVerbs(rule, field.concat('verbs'));
  for (const [name, what] of [['apiGroups', 'api group'], ['resources', 'resource']] as const) {
    const values = strings(rule, name);
    if (values.length === 0) errors.push(required(field.concat(name), `resource rules must supply at least one ${what}`));
    else if (values.length > 1 && values.includes('*')) errors.push(invalid(field.concat(name), new GoSlice('[]string', values), `if '*' is present, must not specify other ${name === 'apiGroups' ? 'api groups' : 'resources'}`));
  }
  const namespaces = strings(rule, 'namespaces');
  const at = field.concat('namespaces');
  if (namespaces.length === 0 && rule['clusterScope'] !== true) errors.push(required(at, 'resource rules that are not cluster scoped must supply at least one namespace'));
  else if (namespaces.includes('*')) {
    if (namespaces.length > 1) errors.push(invalid(at, new GoSlice('[]string', namespaces), "if '*' is present, must not specify other namespaces"));
  } else {
    namespaces.forEach((namespace, index) => appendAll(errors, dns1123LabelErrors(namespace).map((message) => invalid(at.concat(index), namespace, NAMESPACE_ERROR_INTRO + message))));
  }
  return errors;
}

// upstream: validation.go ValidateFlowSchemaNonResourcePolicyRule, ValidateNonResourceURLPath
function validateNonResourceRule(rule: Fields, field: FieldPath): ErrorList {
  const errors = validateVerbs(rule, field.concat('verbs'));
  const urls = strings(rule, 'nonResourceURLs');
  const at = field.concat('nonResourceURLs');
  if (urls.length === 0) errors.push(required(at, 'nonResourceURLs must contain at least one value'));
  else if (urls.includes('*')) {
    if (urls.length > 1) errors.push(invalid(at, new GoSlice('[]string', urls), "if '*' is present, must not specify other non-resource URLs"));
  } else {
    urls.forEach((url, index) => {
      const problem = nonResourceURLProblem(url);
      if (problem) errors.push(invalid(at.concat(index), url, problem));
    });
  }
  return errors;
}

function nonResourceURLProblem(path: string): string | undefined {
  if (path.length === 0) return 'must not be empty';
  if (path === '/') return undefined;
  if (!path.startsWith('/')) return 'must start with slash';
  if (path.includes(' ')) return 'must not contain white-space';
  if (path.includes('//')) return 'must not contain double slash';
  const wildcards = path.split('*').length - 1;
  return wildcards > 1 || (wildcards === 1 && !path.endsWith('/*')) ? 'wildcard can only do suffix matching' : undefined;
}

const strings = (record: Fields, name: string): string[] => arrayField(record, name).filter((entry): entry is string => typeof entry === 'string');

// upstream: validation.go supportedPriorityLevelEnablement, supportedLimitResponseType (sorted),
// priorityLevelConfigurationQueuingMaxQueues; apiserver shufflesharding MaxHashBits
const PRIORITY_LEVEL_TYPES = ['Exempt', 'Limited'];
const LIMIT_RESPONSE_TYPES = ['Queue', 'Reject'];
const MAX_QUEUES = 10 * 1000;
const MAX_HASH_BITS = 60;

/**
 * A PriorityLevelConfiguration's spec, after v1 defaulting (a limited level's nominalConcurrencyShares 30 when unset,
 * queuing's handSize 8, queues 64 and queueLengthLimit 50 when zero). The create strategy allows zero shares from 1.30
 * (AllowZeroLimitedNominalConcurrencyShares); in 1.29 they must be positive. The fixed specs of the mandatory 'exempt'
 * and 'catch-all' levels are not checked.
 */
// upstream: validation.go ValidatePriorityLevelConfigurationSpec, ValidateLimitedPriorityLevelConfiguration,
// ValidateExemptPriorityLevelConfiguration, ValidateLimitResponse, ValidatePriorityLevelQueuingConfiguration (v1.36);
// registry/flowcontrol/prioritylevelconfiguration/strategy.go Validate
export function validatePriorityLevelConfiguration(object: Fields, allowZeroShares: boolean): ErrorList {
  const spec = recordField(object, 'spec') ?? {};
  const field: FieldPath = ['spec'];
  const type = stringField(spec, 'type') ?? '';
  const errors: ErrorList = [];
  if ((stringField(recordField(object, 'metadata'), 'name') === EXEMPT) !== (type === 'Exempt')) {
    errors.push(invalid(field.concat('type'), new GoNamedString(type), "type must be 'Exempt' if and only if name is 'exempt'"));
  }
  const limited = recordField(spec, 'limited');
  const exempt = recordField(spec, 'exempt');
  if (type === 'Exempt') {
    if (limited) errors.push(forbidden(field.concat('limited'), 'must be nil if the type is not Limited'));
    if (exempt) appendAll(errors, validateShares(exempt, field.concat('exempt'), true));
  } else if (type === 'Limited') {
    if (exempt) errors.push(forbidden(field.concat('exempt'), 'must be nil if the type is Limited'));
    if (!limited) errors.push(required(field.concat('limited'), 'must not be empty when type is Limited'));
    else appendAll(errors, validateLimited(limited, field.concat('limited'), allowZeroShares));
  } else errors.push(notSupported(field.concat('type'), new GoNamedString(type), PRIORITY_LEVEL_TYPES));
  return errors;
}

function validateLimited(limited: Fields, field: FieldPath, allowZeroShares: boolean): ErrorList {
  const shares = intField(limited, 'nominalConcurrencyShares') ?? 30;
  const errors: ErrorList = [];
  if (allowZeroShares ? shares < 0 : shares <= 0) errors.push(invalid(field.concat('nominalConcurrencyShares'), shares, allowZeroShares ? 'must be a non-negative integer' : 'must be positive'));
  appendAll(errors, validateLimitResponse(recordField(limited, 'limitResponse') ?? {}, field.concat('limitResponse')));
  appendAll(errors, validateShares({ lendablePercent: limited['lendablePercent'] }, field, false));
  const borrowing = intField(limited, 'borrowingLimitPercent');
  if (borrowing !== undefined && borrowing < 0) errors.push(invalid(field.concat('borrowingLimitPercent'), borrowing, 'if specified, must be a non-negative integer'));
  return errors;
}

/** An exempt level's shares (when `withShares`) and the lendable percent of either kind of level. */
function validateShares(level: Fields, field: FieldPath, withShares: boolean): ErrorList {
  const errors: ErrorList = [];
  const shares = intField(level, 'nominalConcurrencyShares');
  if (withShares && shares !== undefined && shares < 0) errors.push(invalid(field.concat('nominalConcurrencyShares'), shares, 'must be a non-negative integer'));
  const lendable = intField(level, 'lendablePercent');
  if (lendable !== undefined && (lendable < 0 || lendable > 100)) errors.push(invalid(field.concat('lendablePercent'), lendable, 'must be between 0 and 100, inclusive'));
  return errors;
}

function validateLimitResponse(response: Fields, field: FieldPath): ErrorList {
  const type = stringField(response, 'type') ?? '';
  const queuing = recordField(response, 'queuing');
  if (type === 'Reject') return queuing ? [forbidden(field.concat('queuing'), 'must be nil if limited.limitResponse.type is not Limited')] : [];
  if (type !== 'Queue') return [notSupported(field.concat('type'), new GoNamedString(type), LIMIT_RESPONSE_TYPES)];
  return queuing ? validateQueuing(queuing, field.concat('queuing')) : [required(field.concat('queuing'), 'must not be empty if limited.limitResponse.type is Limited')];
}

// shufflesharding.RequiredEntropyBits: ceil(log2(deckSize) * handSize)
function validateQueuing(queuing: Fields, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const lengthLimit = intField(queuing, 'queueLengthLimit') || 50;
  if (lengthLimit <= 0) errors.push(invalid(field.concat('queueLengthLimit'), lengthLimit, 'must be positive'));
  const queues = intField(queuing, 'queues') || 64;
  if (queues <= 0) errors.push(invalid(field.concat('queues'), queues, 'must be positive'));
  else if (queues > MAX_QUEUES) errors.push(invalid(field.concat('queues'), queues, `must not be greater than ${MAX_QUEUES}`));
  const handSize = intField(queuing, 'handSize') || 8;
  if (handSize <= 0) errors.push(invalid(field.concat('handSize'), handSize, 'must be positive'));
  else if (handSize > queues) errors.push(invalid(field.concat('handSize'), handSize, `should not be greater than queues (${queues})`));
  else if (Math.ceil(Math.log2(queues) * handSize) > MAX_HASH_BITS) {
    errors.push(invalid(field.concat('handSize'), handSize, `required entropy bits of deckSize ${queues} and handSize ${handSize} should not be greater than ${MAX_HASH_BITS}`));
  }
  return errors;
}
