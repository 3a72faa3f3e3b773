import { isDeepStrictEqual } from 'node:util';
import {
  Document,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  Scalar,
  type Node,
  type ScalarTag,
  type ToStringOptions,
} from 'yaml';
import { isJsonObject } from '@conversation-kit/spec/document';

/**
 * Serializes a value as YAML in the style of an earlier serialization of (mostly) the same value:
 * every key and scalar that did not change keeps its form (folded `>-` descriptions, quotes,
 * comments) as the earlier text has it, so a diff shows only what changed. New values are written
 * with the `yaml` package's defaults and the given options. Returns `undefined` when the earlier
 * text is not a YAML document.
 *
 * @example
 * const next = restyleYaml(previousText, { ...previous, info: { ...previous.info, version: '2.13' } });
 * // the same text as previousText but for the version line
 */
export function restyleYaml(
  previousText: string,
  value: unknown,
  options: ToStringOptions = {},
): string | undefined {
  const document: Document = parseDocument(previousText, {
    customTags: (tags) => [...tags, PRESERVED_TAG],
  });
  if (document.errors.length > 0 || document.contents === null) return undefined;
  const previous = document.toJS({ maxAliasCount: -1 }) as unknown;
  document.contents = reconcile(document, document.contents, previous, value, previousText);
  return document.toString(options);
}

// Holds an unchanged multi-line scalar's source text, to be written back as it was, re-indented.
class PreservedScalar {
  constructor(
    readonly source: string,
    readonly indent: string,
  ) {}
}

const PRESERVED_TAG: ScalarTag = {
  tag: 'tag:conversation-kit,sync:preserved',
  default: true,
  identify: (value) => value instanceof PreservedScalar,
  resolve: (source) => source,
  stringify(item, context) {
    const { source, indent } = (item as Scalar<PreservedScalar>).value;
    const target = context.indent || '  ';
    return source
      .split('\n')
      .map((line, index) =>
        index === 0 || line.trim() === ''
          ? line.trimEnd()
          : `${target}${line.slice(indent.length)}`,
      )
      .join('\n');
  },
};

function reconcile(
  document: Document,
  node: unknown,
  previous: unknown,
  value: unknown,
  source: string,
): Node {
  if (isJsonObject(value) && isMap(node) && isJsonObject(previous)) {
    const pairs = new Map(node.items.map((pair) => [keyOf(pair.key), pair]));
    node.items = Object.entries(value).map(([key, child]) => {
      const pair = pairs.get(key);
      if (!pair) return document.createPair(key, child, { aliasDuplicateObjects: false });
      pair.value = reconcile(document, pair.value, previous[key], child, source);
      return pair;
    });
    return node;
  }
  if (Array.isArray(value) && isSeq(node) && Array.isArray(previous)) {
    const used = new Set<number>();
    const items = [...node.items];
    node.items = value.map((child, index) => {
      const match = matchingItem(previous, child, index, used);
      return match < 0
        ? document.createNode(child, { aliasDuplicateObjects: false })
        : reconcile(document, items[match], previous[match], child, source);
    });
    return node;
  }
  if (isScalar(node) && Object.is(node.value, value) && !(typeof value === 'object' && value)) {
    preserve(node, source);
    return node;
  }
  return document.createNode(value, { aliasDuplicateObjects: false });
}

// The earlier item to restyle a new one after: the one at the same place if it is equal, else an
// equal one elsewhere, else the one at the same place if it is a collection of the same kind.
function matchingItem(
  previous: unknown[],
  child: unknown,
  index: number,
  used: Set<number>,
): number {
  const free = (at: number): boolean => at < previous.length && !used.has(at);
  const equal = (at: number): boolean => free(at) && isDeepStrictEqual(previous[at], child);
  const collection = (item: unknown): string =>
    Array.isArray(item) ? 'seq' : isJsonObject(item) ? 'map' : 'scalar';
  let match = equal(index) ? index : previous.findIndex((_, at) => equal(at));
  if (match < 0 && free(index) && collection(child) !== 'scalar') {
    match = collection(previous[index]) === collection(child) ? index : -1;
  }
  if (match >= 0) used.add(match);
  return match;
}

function keyOf(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

// A multi-line scalar is re-folded by the serializer unless its source text is kept.
function preserve(node: Scalar, source: string): void {
  const [start, end] = node.range ?? [];
  if (start === undefined || end === undefined || node.anchor || node.tag) return;
  const text = source.slice(start, end).replace(/\n+$/, '');
  if (!text.includes('\n')) return;
  const block = node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL;
  if (block && /^[|>][-+]?\d*\+/.test(text)) return; // "keep" chomping: trailing lines matter
  const lines = text.split('\n').slice(1);
  const indents = lines.filter((line) => line.trim() !== '').map((line) => /^ */.exec(line)![0]);
  const indent = block
    ? (indents[0] ?? '')
    : indents.reduce((shortest, each) => (each.length < shortest.length ? each : shortest));
  node.value = new PreservedScalar(text, indent);
}
