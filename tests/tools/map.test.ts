import { describe, expect, it } from 'vitest';
import { HEAD, storyOf } from '../story/helpers.js';
import { buildStoryMap, type StoryMap } from '../../src/tools/map-graph.js';
import { formatMapOutline } from '../../src/tools/map-outline.js';
import { formatMapMermaid } from '../../src/tools/map-mermaid.js';
import { formatMapDot } from '../../src/tools/map-dot.js';

const STORY = storyOf(`@title "The Map Test"
${HEAD}@on deadline
  -> end

=== a
You owe {debt}.
* Go to the bar. [1h] -> bar
* Pay {debt} kroner. [10m] -> over
  locked unless debt < 50: Not enough.

=== bar
if debt > 10
  -> end
end
* Toss a coin. [1h]
  60% -> a
  40% -> over

=== ending end "The End"
It ends.

=== ending over "Over"
Over.
`);

describe('buildStoryMap', () => {
  const map = buildStoryMap(STORY);

  it('has every scene in reading order, endings marked, then the triggers', () => {
    expect(map.nodes.map((node) => `${node.id}:${node.kind}${node.start ? ':start' : ''}`)).toEqual([
      'a:scene:start',
      'bar:scene',
      'over:ending',
      'end:ending',
      '@on_deadline_1:trigger',
      '@timeout:trigger',
    ]);
    expect(map.nodes.find((node) => node.id === 'end')!.label).toBe('The End');
  });

  it('draws choices with label and cost, jumps, chance with odds and triggers', () => {
    expect(map.edges.map((edge) => `${edge.from} -> ${edge.to} ${edge.kind} ${edge.label}`.trim())).toEqual([
      'a -> bar choice Go to the bar. [1h]',
      'a -> over choice Pay {debt} kroner. [10m] (gated)',
      'bar -> end jump',
      'bar -> a choice Toss a coin. [1h] 60%',
      'bar -> over choice Toss a coin. [1h] 40%',
      '@on_deadline_1 -> end trigger',
      '@timeout -> over trigger',
    ]);
  });
});

describe('map formats', () => {
  const map = buildStoryMap(STORY);

  it('outline: each scene with its ways out beneath it', () => {
    expect(formatMapOutline(map)).toBe(
      [
        'The Map Test: 4 scenes, 2 endings, 7 arrows',
        '',
        'a  [start]',
        '  * Go to the bar. [1h]  -> bar',
        '  * Pay {debt} kroner. [10m] (gated)  -> over  [END: Over]',
        'bar',
        '  -> end  [END: The End]',
        '  * Toss a coin. [1h] 60%  -> a',
        '  * Toss a coin. [1h] 40%  -> over  [END: Over]',
        'over  [END: Over]',
        'end  [END: The End]',
        '@on deadline',
        '  -> end  [END: The End]',
        '@timeout Mon 20:00',
        '  -> over  [END: Over]',
      ].join('\n'),
    );
  });

  it('mermaid: a flowchart with safe ids, escaped labels and endings ringed', () => {
    const text = formatMapMermaid(map);
    expect(text.split('\n')[0]).toBe('flowchart TD');
    expect(text).toContain('n_a(["a"])');
    // `end` is a Mermaid keyword: every id is prefixed.
    expect(text).toContain('n_end((("END: The End")))');
    expect(text).toContain('n_bar -->|"Toss a coin. [1h] 60%"| n_a');
    expect(text).toContain('n_bar --> n_end');
    expect(text).toContain('t_on_deadline_1{{"@on deadline"}}');
    expect(text).toContain('t_on_deadline_1 -.-> n_end');
    expect(text).toContain('class n_over,n_end ending');
  });

  it('dot: a digraph with quoted ids, escaped labels and endings marked', () => {
    const text = formatMapDot(map);
    expect(text.startsWith('digraph "The Map Test" {')).toBe(true);
    expect(text.trimEnd().endsWith('}')).toBe(true);
    expect(text).toContain('"end" [label="END: The End\\n(end)", shape=doubleoctagon');
    expect(text).toContain('"a" [label="a", shape=box, style=bold, peripheries=2];');
    expect(text).toContain('"bar" -> "over" [label="Toss a coin. [1h] 40%"];');
    expect(text).toContain('"@timeout" -> "over" [style=dashed];');
  });

  // Labels come from the writer's prose: quotes, backslashes, pipes and newlines must not break the file.
  const awkward: StoryMap = {
    title: 'Say "hi" \\ bye',
    nodes: [
      { id: 'a', kind: 'scene', label: 'a', start: true },
      { id: 'z', kind: 'ending', label: 'The "Last" One', start: false },
    ],
    edges: [{ from: 'a', to: 'z', kind: 'choice', label: 'Say "yes" | no\\' }],
  };

  it('mermaid escapes quotes and pipes in labels', () => {
    const text = formatMapMermaid(awkward);
    expect(text).toContain('n_z((("END: The #quot;Last#quot; One")))');
    expect(text).toContain('n_a -->|"Say #quot;yes#quot; #124; no\\"| n_z');
  });

  it('dot escapes quotes and backslashes in labels', () => {
    const text = formatMapDot(awkward);
    expect(text.split('\n')[0]).toBe('digraph "Say \\"hi\\" \\\\ bye" {');
    expect(text).toContain('"z" [label="END: The \\"Last\\" One\\n(z)"');
    expect(text).toContain('"a" -> "z" [label="Say \\"yes\\" | no\\\\"];');
  });
});
