import { z } from 'zod';

/** A JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1) as plain data. */
export type JsonSchema = { [keyword: string]: unknown };

/** Requests are described by what a schema accepts, responses by what it produces. */
export type Direction = 'input' | 'output';

const COMPONENTS = '#/components/schemas/';
/** Marks a reference to a schema's input form until `components()` knows its final name. */
const INPUT_MARK = '~input';

type NamedMetadata = { id: string };

/**
 * Turns zod schemas into JSON Schema with `z.toJSONSchema`, so the OpenAPI document describes
 * exactly what the validating schemas accept and answer. Every schema exported by
 * `@bearing/contracts` under `fooBarSchema` becomes the component `FooBar` and is referenced
 * wherever it is used, also inside other schemas; anything else (a controller's `z.uuid()`) is
 * written inline. A schema whose input differs from its output (defaults, coercion) gets a
 * second component, `FooBarInput`, when both are used.
 */
export class JsonSchemas {
  private readonly registry = z.registry<NamedMetadata>();
  private readonly defs: Record<Direction, Map<string, JsonSchema>> = {
    input: new Map(),
    output: new Map(),
  };

  /** `exports`: a module namespace, e.g. `import * as contracts from '@bearing/contracts'`. */
  constructor(exports: Readonly<Record<string, unknown>>) {
    // A schema exported under several names is named after the shortest (the most general).
    const names = Object.entries(exports)
      .filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType)
      .filter(([name]) => name.endsWith('Schema'))
      .sort(([a], [b]) => a.length - b.length || a.localeCompare(b));
    for (const [name, schema] of names) {
      if (this.registry.has(schema)) continue;
      const id = name.charAt(0).toUpperCase() + name.slice(1, -'Schema'.length);
      this.registry.add(schema, { ...z.globalRegistry.get(schema), id });
    }
  }

  /** A reference to the component for a named schema, else the schema written inline. */
  schemaOf(schema: z.ZodType, direction: Direction): JsonSchema {
    const { root } = this.convert(schema, direction);
    return root;
  }

  /**
   * The schema itself, never a reference to it — for a query schema, whose properties become
   * one parameter each.
   */
  expandedSchemaOf(schema: z.ZodType, direction: Direction): JsonSchema {
    const { root, id } = this.convert(schema, direction);
    if (id === undefined) return root;
    const definition = this.defs[direction].get(id);
    if (!definition) throw new Error(`no definition was collected for ${id}`);
    return definition;
  }

  /**
   * The components every `schemaOf` so far referenced, by name. Call once, after the last
   * `schemaOf`, then `resolveReferences` on the document that holds those references.
   */
  components(): Record<string, JsonSchema> {
    const renamed = this.inputsNeedingTheirOwnName();
    const components: Record<string, JsonSchema> = {};
    for (const [id, definition] of this.defs.output) components[id] = definition;
    for (const [id, definition] of this.defs.input) {
      const name = renamed.has(id) ? `${id}Input` : id;
      components[name] = resolveReferences(definition, renamed);
    }
    return Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Replaces the temporary references to input forms in `document` with final names. */
  resolveReferencesIn<T>(document: T): T {
    return resolveReferences(document, this.inputsNeedingTheirOwnName());
  }

  private convert(
    schema: z.ZodType,
    direction: Direction,
  ): { root: JsonSchema; id: string | undefined } {
    const converted = z.toJSONSchema(schema, {
      target: 'draft-2020-12',
      io: direction,
      metadata: this.registry,
      // A transform's output has no JSON Schema; such schemas only ever validate requests.
      unrepresentable: 'any',
    }) as JsonSchema;
    const { $schema: _dialect, $defs, ...root } = converted;
    const mark = direction === 'input' ? INPUT_MARK : '';
    const rewritten = rewriteDefinitionReferences(root, mark);
    for (const [id, definition] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) {
      if (id.startsWith('__')) {
        throw new Error('a recursive schema needs an exported name to become a component');
      }
      this.defs[direction].set(id, rewriteDefinitionReferences(definition, mark));
    }
    const id = this.registry.get(schema)?.id;
    return { root: rewritten, id };
  }

  /**
   * Names whose input form must be a component of its own: used both ways and different —
   * in itself, or because it refers to another schema that is.
   */
  private inputsNeedingTheirOwnName(): Set<string> {
    const both = [...this.defs.input.keys()].filter((id) => this.defs.output.has(id));
    const differing = new Set(
      both.filter(
        (id) =>
          JSON.stringify(resolveReferences(this.defs.input.get(id), new Set())) !==
          JSON.stringify(this.defs.output.get(id)),
      ),
    );
    let grew = true;
    while (grew) {
      grew = false;
      for (const id of both) {
        if (differing.has(id)) continue;
        const text = JSON.stringify(this.defs.input.get(id));
        if ([...differing].some((other) => text.includes(`"${COMPONENTS}${other}${INPUT_MARK}"`))) {
          differing.add(id);
          grew = true;
        }
      }
    }
    return differing;
  }
}

function rewriteDefinitionReferences(schema: JsonSchema, mark: string): JsonSchema {
  return mapReferences(schema, (ref) =>
    ref.startsWith('#/$defs/') ? `${COMPONENTS}${ref.slice('#/$defs/'.length)}${mark}` : ref,
  );
}

function resolveReferences<T>(value: T, renamed: ReadonlySet<string>): T {
  return mapReferences(value, (ref) => {
    if (!ref.endsWith(INPUT_MARK)) return ref;
    const id = ref.slice(COMPONENTS.length, -INPUT_MARK.length);
    return renamed.has(id) ? `${COMPONENTS}${id}Input` : `${COMPONENTS}${id}`;
  });
}

function mapReferences<T>(value: T, map: (ref: string) => string): T {
  if (Array.isArray(value)) return value.map((item: unknown) => mapReferences(item, map)) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      key === '$ref' && typeof item === 'string' ? map(item) : mapReferences(item, map),
    ]),
  ) as T;
}
