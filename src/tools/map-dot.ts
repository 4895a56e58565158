import type { MapNode, StoryMap } from './map-graph.js';

/** A Graphviz quoted string: backslashes and quotes escaped, newlines as `\n`. */
const dotString = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;

function attributes(node: MapNode): string {
  if (node.kind === 'ending')
    return `label=${dotString(`END: ${node.label}\n(${node.id})`)}, shape=doubleoctagon, style=filled, fillcolor="#ffdddd"`;
  if (node.kind === 'trigger') return `label=${dotString(node.label)}, shape=hexagon, style=dashed`;
  return `label=${dotString(node.label)}, shape=box${node.start ? ', style=bold, peripheries=2' : ''}`;
}

/** The map as a Graphviz digraph (`dot -Tsvg`): choices as labelled arrows, triggers dashed, endings marked. */
export function formatMapDot(map: StoryMap): string {
  const lines = [
    `digraph ${dotString(map.title)} {`,
    '  rankdir=TB;',
    '  node [fontname="Helvetica"];',
    '  edge [fontname="Helvetica", fontsize=10];',
  ];
  for (const node of map.nodes) lines.push(`  ${dotString(node.id)} [${attributes(node)}];`);
  for (const edge of map.edges) {
    const attrs = [
      edge.label ? `label=${dotString(edge.label)}` : '',
      edge.kind === 'trigger' ? 'style=dashed' : '',
    ].filter(Boolean);
    lines.push(`  ${dotString(edge.from)} -> ${dotString(edge.to)}${attrs.length ? ` [${attrs.join(', ')}]` : ''};`);
  }
  lines.push('}');
  return lines.join('\n');
}
