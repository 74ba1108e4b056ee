#!/usr/bin/env bash
# Temporary: copies the parser and compiler from the helpers' scratch crates.
set -e
cd "$(dirname "$0")/lang"
rm -rf src/lexer src/parser src/compiler
cp -r /work/scratch/parser/src/lexer /work/scratch/parser/src/parser src/
cp -r /work/scratch/compiler/src/compiler src/
cp /work/scratch/parser/build.rs build.rs
