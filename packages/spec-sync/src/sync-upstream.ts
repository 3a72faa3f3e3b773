import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { classifySpecChange, type SpecChangeClassification } from '@conversation-kit/codegen';
import { applyOverlay, type OverlayDocument } from '@conversation-kit/overlay';
import { findOperations, type JsonObject } from '@conversation-kit/spec/document';
import { parse } from 'yaml';
import { moveApiVersion } from './api-version-move.js';
import { changesetFileName, changesetMarkdown, writeChangeset } from './changeset-file.js';
import { examplesReport, type ExamplesReport } from './examples-report.js';
import { extractOperation } from './extract-operation.js';
import { openApiDocument } from './openapi-document.js';
import { fragmentDiff, type LineDiff } from './fragment-diff.js';
import { fragmentYaml } from './fragment-yaml.js';
import { overlayReport, type OverlayReport } from './overlay-report.js';
import { PUBLISHED_PACKAGES } from './published-packages.js';
import { readOpenApiSource } from './read-openapi-source.js';
import { releaseBumps, type Release } from './release-bumps.js';
import { pinnedApiVersion, specLayout } from './spec-layout.js';
import { targetVersion } from './target-version.js';
import { UpstreamRefusal } from './upstream-refusal.js';

/**
 * Where a sync reads and writes: every path is given, so tests can point at temporary copies.
 *
 * @example
 * const options: SyncOptions = { source: 'api.intercom.io.yaml', specDirectory, changesetDirectory, repositoryRoot, dryRun: true };
 */
export interface SyncOptions {
  /** The upstream OpenAPI document: a file path or an http(s) URL. */
  source: string;
  /** How the report and the refusal's hint name the source (the argument as it was given). */
  sourceLabel?: string;
  /** The spec package's directory: its package.json, `openapi/` and `overlays/`. */
  specDirectory: string;
  /** The `.changeset` directory the changeset is written to. */
  changesetDirectory: string;
  /** The repository whose published packages the change is classified for; only read. */
  repositoryRoot: string;
  /** Move the packages to this API version, the one the source must describe. */
  apiVersion?: string | undefined;
  /** Report only: write nothing. */
  dryRun?: boolean;
  /** The operation to sync; `manageConversation` unless told. */
  operationId?: string;
  /** The published packages to classify the change for, by name; all unless told. */
  packages?: readonly string[];
}

/**
 * A sync that refused the upstream document; nothing was written.
 *
 * @example
 * if (outcome.status === 'refused') console.error(outcome.reason, outcome.hint);
 */
export interface RefusedSync {
  status: 'refused';
  source: string;
  reason: string;
  /** What to do instead, when there is something. */
  hint: string | undefined;
  exitCode: 2;
}

/**
 * A sync of the document the fragment already holds: nothing to do.
 *
 * @example
 * if (outcome.status === 'unchanged') console.log(`${outcome.fragmentPath} is up to date`);
 */
export interface UnchangedSync {
  status: 'unchanged';
  source: string;
  fragmentPath: string;
  exitCode: 0;
}

/**
 * A sync that went through: what it found, and what it wrote.
 *
 * @example
 * if (outcome.status === 'synced') console.log(outcome.releases['@conversation-kit/types']?.bump);
 */
export interface CompletedSync {
  status: 'synced';
  source: string;
  dryRun: boolean;
  operation: { method: string; path: string; previousPath: string | undefined };
  apiVersion: { from: string; to: string };
  fragment: {
    path: string;
    text: string;
    written: boolean;
    /** The lines that changed against the previous fragment, unless too many did. */
    diff: LineDiff | undefined;
  };
  overlay: Omit<OverlayReport, 'effective'> & { path: string };
  examples: ExamplesReport;
  /** What the change does to each package as the compiler sees it; none when the effective document is unchanged. */
  classification: SpecChangeClassification | undefined;
  releases: Record<string, Release>;
  /** The changeset written (or, in a dry run, that would be). */
  changeset: { path: string; written: boolean } | undefined;
  /** The files written or removed, besides the changeset. */
  files: string[];
  /** 0, or 1 when an example is still invalid after the overlay (a correction is missing). */
  exitCode: 0 | 1;
}

/**
 * Syncs the fragment with an upstream OpenAPI document: checks its API version against the one
 * the packages are pinned to (another is refused unless `apiVersion` moves to it), extracts the
 * operation, re-applies the overlay (stale and unnecessary actions), checks the examples
 * (upstream's defects, and missing corrections), classifies what the change of the effective
 * document does to each package with the TypeScript compiler, then writes the fragment and a
 * changeset (unless a dry run). Upstream text the fragment already holds changes nothing; a
 * refused upstream writes nothing.
 *
 * @example
 * const outcome = await syncUpstream({
 *   source: '../shared/upstream/intercom-openapi/2.12/api.intercom.io.yaml',
 *   specDirectory: join(root, 'spec'),
 *   changesetDirectory: join(root, '.changeset'),
 *   repositoryRoot: root,
 * });
 * process.exitCode = outcome.exitCode;
 */
export async function syncUpstream(
  options: SyncOptions,
): Promise<RefusedSync | UnchangedSync | CompletedSync> {
  const { source, specDirectory } = options;
  const operationId = options.operationId ?? 'manageConversation';
  const dryRun = options.dryRun ?? false;
  const pinned = await pinnedApiVersion(specDirectory);

  let target: string;
  let extracted: Awaited<ReturnType<typeof extractOperation>>;
  try {
    const upstream = openApiDocument(await readOpenApiSource(source));
    const label = options.sourceLabel ?? source;
    target = targetVersion(upstream, { pinned, requested: options.apiVersion, source: label });
    extracted = await extractOperation(upstream, operationId);
  } catch (error) {
    if (!(error instanceof UpstreamRefusal)) throw error;
    return { status: 'refused', source, reason: error.message, hint: error.hint, exitCode: 2 };
  }

  const current = specLayout(specDirectory, pinned);
  const next = specLayout(specDirectory, target);
  const moving = target !== pinned;
  const currentText = await readFile(current.fragment, 'utf8').catch(() => undefined);
  const text = await fragmentYaml(extracted.fragment, next.fragment, currentText);
  if (!moving && text === currentText) {
    return { status: 'unchanged', source, fragmentPath: current.fragment, exitCode: 0 };
  }

  const currentOverlay = parse(await readFile(current.overlay, 'utf8')) as OverlayDocument;
  const overlayPath = moving ? await existing(next.overlay, current.overlay) : current.overlay;
  const overlay = parse(await readFile(overlayPath, 'utf8')) as OverlayDocument;
  const { effective, ...overlayFindings } = await overlayReport(extracted.fragment, overlay);
  const examples = examplesReport(extracted.fragment, effective);

  const previous = currentText === undefined ? undefined : (parse(currentText) as JsonObject);
  const previousEffective = previous && (await applyOverlay(previous, currentOverlay)).document;
  const classification =
    previousEffective === undefined || isDeepStrictEqual(previousEffective, effective)
      ? undefined
      : await classifySpecChange(previousEffective, effective, classifiedPackages(options));
  const releases = releaseBumps(true, classification);

  let changeset: CompletedSync['changeset'];
  const files: string[] = [];
  if (Object.keys(releases).length > 0) {
    const summary = moving
      ? `Move from Intercom API ${pinned} to ${target}: sync the "Manage a conversation" fragment with Intercom's ${target} description.`
      : `Sync the ${target} "Manage a conversation" fragment with Intercom's published description.`;
    const markdown = changesetMarkdown(releases, summary);
    // The changeset first: should writing the fragment fail, a rerun writes the same changeset.
    changeset = dryRun
      ? { path: join(options.changesetDirectory, changesetFileName(text)), written: false }
      : await writeChangeset(options.changesetDirectory, text, markdown);
  }
  if (!dryRun) {
    if (moving) {
      files.push(
        ...(await moveApiVersion(specDirectory, { from: pinned, to: target, fragmentText: text })),
      );
    } else {
      await writeFile(next.fragment, text);
      files.push(next.fragment);
    }
  }

  const previousPath = previous && findOperations(previous, operationId)[0]?.path;
  return {
    status: 'synced',
    source,
    dryRun,
    operation: { method: extracted.method, path: extracted.path, previousPath },
    apiVersion: { from: pinned, to: target },
    fragment: {
      path: next.fragment,
      text,
      written: !dryRun,
      diff: currentText === undefined || moving ? undefined : fragmentDiff(currentText, text),
    },
    overlay: { ...overlayFindings, path: overlayPath },
    examples,
    classification,
    releases,
    changeset,
    files,
    exitCode: examples.missingCorrections.length > 0 ? 1 : 0,
  };
}

function classifiedPackages(options: SyncOptions) {
  return PUBLISHED_PACKAGES.filter(
    (pkg) =>
      pkg.entry !== undefined &&
      (options.packages === undefined || options.packages.includes(pkg.name)),
  ).map((pkg) => ({
    ...pkg,
    entry: pkg.entry!,
    directory: join(options.repositoryRoot, pkg.directory),
  }));
}

async function existing(preferred: string, fallback: string): Promise<string> {
  return readFile(preferred).then(
    () => preferred,
    () => fallback,
  );
}
