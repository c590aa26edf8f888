#!/usr/bin/env bash
# Makes issue 28's worst-case inputs, each in its own git copy of the Shop fixture, under FOLDER (default
# ./hostile): time a pack in each with any timer, e.g.  (cd FOLDER/glob && dotnet pack-context -q -o ../glob.xml)
#   glob     a packer.yaml exclude glob that made a backtracking matcher run forever, and a file named with 60 a's
#   selfref  a project that references itself through ../Shop.Domain/./Shop.Domain.csproj
#   deep     a packer.yaml with 50,000 nested '['
#   zero     packer.yaml -> /dev/zero
#   literal  a 1,000,000-letter string literal and 200 KB of zero-byte base64 (target: src/Shop.Domain/Big.cs)
set -euo pipefail
fixtures="$(cd "$(dirname "$0")/.." && pwd)/tests/Packer.Tests/Fixtures"
out="${1:-hostile}"
mkdir -p "$out" && cd "$out"
cp "$fixtures"/Directory.* .
copy() {
  rm -rf "$1"; cp -r "$fixtures/Shop" "$1"
  (cd "$1" && git init -q && git add -A && git -c user.email=hostile@example.com -c user.name=hostile commit -qm init)
}
copy glob; touch "glob/src/$(printf 'a%.0s' {1..60})"
printf "solution: Shop.sln\ntargets: [OrderService]\nexclude: ['**a**a**a**a**a**a**a**a**a**a**a**a**a**a**X']\ninclude: ['src/*']\n" > glob/packer.yaml
copy selfref
sed -i 's|</Project>|  <ItemGroup><ProjectReference Include="../Shop.Domain/./Shop.Domain.csproj" /></ItemGroup>\n</Project>|' selfref/src/Shop.Domain/Shop.Domain.csproj
printf "solution: Shop.sln\ntargets: [OrderService]\n" > selfref/packer.yaml
copy deep; python3 -c "open('deep/packer.yaml','w').write('solution: Shop.sln\ninclude: ' + '['*50000 + 'a\n')"
copy zero; ln -s /dev/zero zero/packer.yaml
copy literal
python3 -c "open('literal/src/Shop.Domain/Big.cs','w').write('namespace Shop.Domain;\npublic static class Big\n{\n    public const string A = \"' + 'A'*1000000 + '\";\n}\n')"
python3 -c "import base64; open('literal/src/Shop.Domain/Zeros.cs','w').write('namespace Shop.Domain;\npublic static class Zeros\n{\n    public const string B = \"' + base64.b64encode(bytes(150000)).decode() + '\";\n}\n')"
echo "made glob, selfref, deep, zero and literal under $out"
