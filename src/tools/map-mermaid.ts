import type { MapNode, StoryMap } from './map-graph.js';

/**
 * Mermaid ids are prefixed: scene ids are plain words, but some words (`end`, `graph`,
 * ids starting `o` or `x` after a link) mean something to Mermaid itself. Triggers
 * (`@on_deadline_1`, `@timeout`) get their own prefix, so they never meet a scene id.
 */
const mermaidId = (id: string) => (id.startsWith('@') ? `t_${id.slice(1)}` : `n_${id}`).replace(/[^A-Za-z0-9_]/g, '_');

/** Quoted label text: Mermaid reads entity codes (`#quot;`, `#124;`) where a quote or pipe would end the label. */
const quoted = (text: string) =>
  `"${text
    .replace(/"/g, '#quot;')
    .replace(/\|/g, '#124;')
    .replace(/\s*[\r\n]+\s*/g, ' ')}"`;

function shape(node: MapNode): string {
  const id = mermaidId(node.id);
  if (node.kind === 'ending') return `${id}(((${quoted(`END: ${node.label}`)})))`;
  if (node.kind === 'trigger') return `${id}{{${quoted(node.label)}}}`;
  return node.start ? `${id}([${quoted(node.label)}])` : `${id}[${quoted(node.label)}]`;
}

/** The map as a Mermaid flowchart: choices as labelled arrows, triggers dotted, endings ringed. */
export function formatMapMermaid(map: StoryMap): string {
  const lines = ['flowchart TD'];
  for (const node of map.nodes) lines.push(`  ${shape(node)}`);
  for (const edge of map.edges) {
    const arrow = edge.kind === 'trigger' ? '-.->' : '-->';
    const label = edge.label ? `|${quoted(edge.label)}|` : '';
    lines.push(`  ${mermaidId(edge.from)} ${arrow}${label} ${mermaidId(edge.to)}`);
  }
  const endings = map.nodes.filter((node) => node.kind === 'ending').map((node) => mermaidId(node.id));
  if (endings.length) lines.push('  classDef ending fill:#fdd,stroke:#a33', `  class ${endings.join(',')} ending`);
  return lines.join('\n');
}
