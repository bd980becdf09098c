import type { FileContent } from '../../../collector.js';
import type { Warn } from '../../../location.js';
import { Declarations } from '../declarations.js';
import type { ManifestFormat, ManifestRead } from '../manifest.js';

/*
 * Maven, Gradle and sbt resolve the one version a build names: a dependency floats only when its
 * version is a range (`[1.0,2.0)`), a dynamic version (`1.+`, `latest.release`, `LATEST`) or a
 * snapshot. A version left out comes from a BOM or a constraint, which Gradle and Maven require to
 * resolve it: that pins it too. Properties (`${spark.version}`, `$sparkVersion`) hold one version.
 * Nothing is evaluated: declarations are read line by line as written.
 */
const FLOATING_VERSION = /^[[(]|\+$|^latest\.|^(?:LATEST|RELEASE)$|-SNAPSHOT$/;

function declare(out: Declarations, name: string, version: string, line: number, dev: boolean): void {
  out.add({ name, spec: version, pinned: !FLOATING_VERSION.test(version.trim()) }, line, dev, 'maven');
}

/** `implementation("group:name:version")`, `testCompile "group:name:$v"`, `api platform('group:bom:1.0')`. */
const GRADLE_DECLARATION =
  /^\s*(\w+)\s*\(?\s*(?:(?:enforcedPlatform|platform)\s*\(\s*)?["']([\w.-]+):([\w.${}-]+)(?::([^"':@]+))?(?:[:@][^"']*)?["']/;

function readGradle(file: FileContent, warn: Warn): ManifestRead | null {
  const out = new Declarations(file.path, warn);
  file.lines().forEach((text, index) => {
    const match = GRADLE_DECLARATION.exec(text);
    // Only dependency configurations: `id("org.scoverage")` names a plugin, `group = "…"` the project.
    if (!match || !/(?:[iI]mplementation|[cC]ompile(?:Only)?|[rR]untime(?:Only)?|^api|[pP]rocessor|^kapt|^classpath)$/.test(match[1]!)) return;
    declare(out, `${match[2]}:${match[3]}`, match[4] ?? '', index + 1, /^(?:test|classpath)/.test(match[1]!));
  });
  return { kind: 'gradle', ecosystem: 'maven', declarations: out.list, managers: ['gradle'] };
}

/** `"group" %% "name" % "version"`, optionally `% Test`; several on a line in a `Seq(…)`. */
const SBT_DECLARATION = /"([\w.-]+)"\s*%{1,3}\s*"([\w.-]+)"\s*%\s*(?:"([^"]*)"|([\w.]+))(\s*%\s*(?:Test\b|"test"))?/g;

function readSbt(file: FileContent, warn: Warn): ManifestRead | null {
  const out = new Declarations(file.path, warn);
  file.lines().forEach((text, index) => {
    for (const match of text.matchAll(SBT_DECLARATION)) declare(out, `${match[1]}:${match[2]}`, match[3] ?? match[4] ?? '', index + 1, match[5] !== undefined);
  });
  return { kind: 'sbt', ecosystem: 'maven', declarations: out.list, managers: ['sbt'] };
}

const POM_ELEMENT = /<(groupId|artifactId|version|scope)>\s*([^<]*?)\s*<\/\1>/g;

/** pom.xml: each `<dependency>` element, read line by line (plugins are `<plugin>` elements and stay out). */
function readPom(file: FileContent, warn: Warn): ManifestRead | null {
  const out = new Declarations(file.path, warn);
  let open: { line: number; fields: Map<string, string> } | undefined;
  file.lines().forEach((text, index) => {
    if (/<dependency>/.test(text)) open = { line: index + 1, fields: new Map() };
    if (!open) return;
    for (const match of text.matchAll(POM_ELEMENT)) open.fields.set(match[1]!, match[2]!);
    if (!/<\/dependency>/.test(text)) return;
    const { fields, line } = open;
    open = undefined;
    if (fields.has('artifactId')) declare(out, `${fields.get('groupId') ?? ''}:${fields.get('artifactId')}`, fields.get('version') ?? '', line, fields.get('scope') === 'test');
  });
  return { kind: 'pom.xml', ecosystem: 'maven', declarations: out.list, managers: ['maven'] };
}

/** Gradle's `build.gradle` and `build.gradle.kts`, in any module. */
export const gradleBuild: ManifestFormat = { matches: (name) => name === 'build.gradle' || name === 'build.gradle.kts', read: readGradle };
/** sbt's `build.sbt`. */
export const sbtBuild: ManifestFormat = { matches: (name) => name === 'build.sbt', read: readSbt };
/** Maven's `pom.xml`. */
export const mavenPom: ManifestFormat = { matches: (name) => name === 'pom.xml', read: readPom };
