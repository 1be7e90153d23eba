// A second, independent reading of YAML with the `yaml` package configured like go-yaml v2 (YAML 1.1 scalars,
// merge keys, timestamps and sexagesimals left as strings), to cross-check the loader's values.
import { parseAllDocuments, type Tags } from 'yaml';

const LEFT_AS_STRINGS = new Set(['tag:yaml.org,2002:timestamp', 'tag:yaml.org,2002:binary', 'tag:yaml.org,2002:omap', 'tag:yaml.org,2002:pairs', 'tag:yaml.org,2002:set']);

function goYamlTags(tags: Tags): Tags {
  return tags.filter((tag) => typeof tag === 'string' || (!LEFT_AS_STRINGS.has(tag.tag) && tag.format !== 'TIME'));
}

/** Every document's value, or undefined when the `yaml` package reports an error in the text. */
export function referenceValues(text: string): unknown[] | undefined {
  const documents = parseAllDocuments(text, { version: '1.1', schema: 'yaml-1.1', merge: true, customTags: goYamlTags, uniqueKeys: false });
  const list = Array.isArray(documents) ? documents : [documents];
  if (list.some((document) => document.errors.length > 0)) return undefined;
  try {
    return list.map((document) => document.toJS({ maxAliasCount: -1 }) as unknown);
  } catch {
    return undefined; // an alias to no anchor (`*/Resources`): broken as go-yaml reads it too
  }
}
