// An Ink + React hello world: the yardstick for the game's first frame. The bench runs it
// as is (stock, unbundled) and bundled by esbuild the way scripts/build.js bundles the game.
import React from 'react';
import { render, Box, Text } from 'ink';

render(
  React.createElement(
    Box,
    { flexDirection: 'column' },
    React.createElement(Text, { bold: true }, 'Hello from Ink'),
    React.createElement(Text, null, 'a hello world for the bench'),
  ),
);
