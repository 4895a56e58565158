import type { MapNode, StoryMap } from './map-graph.js';

/** A box as a heading: `kitchen  [start]`, `beaten  [END: Broken Fingers]`, `@on deadline`. */
function heading(node: MapNode): string {
  if (node.kind === 'ending') return `${node.id}  [END: ${node.label}]`;
  if (node.kind === 'trigger') return node.label;
  return node.start ? `${node.id}  [start]` : node.id;
}

/** A box as an arrow's target: endings say so, so a reader sees where the story stops. */
function target(node: MapNode | undefined, id: string): string {
  return node?.kind === 'ending' ? `${id}  [END: ${node.label}]` : id;
}

/**
 * The map as an indented outline for the terminal: each scene in reading order with its
 * ways out beneath it (`* choice [cost] -> target`, `60% -> target`, `-> target`), then the
 * story-wide triggers. Flat rather than nested, so a long story does not march off the
 * right edge.
 */
export function formatMapOutline(map: StoryMap): string {
  const byId = new Map(map.nodes.map((node) => [node.id, node]));
  const scenes = map.nodes.filter((node) => node.kind !== 'trigger').length;
  const endings = map.nodes.filter((node) => node.kind === 'ending').length;
  const lines = [`${map.title}: ${scenes} scenes, ${endings} endings, ${map.edges.length} arrows`, ''];
  // Grouped once: scanning every arrow for every box is quadratic on a long story.
  const edgesFrom = new Map<string, StoryMap['edges']>();
  for (const edge of map.edges) {
    const list = edgesFrom.get(edge.from);
    if (list) list.push(edge);
    else edgesFrom.set(edge.from, [edge]);
  }
  for (const node of map.nodes) {
    lines.push(heading(node));
    for (const edge of edgesFrom.get(node.id) ?? []) {
      const how = edge.kind === 'choice' ? `* ${edge.label}  ` : edge.label ? `${edge.label}  ` : '';
      lines.push(`  ${how}-> ${target(byId.get(edge.to), edge.to)}`);
    }
  }
  return lines.join('\n');
}
