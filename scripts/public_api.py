#!/usr/bin/env python3
"""Lists the public declarations of backprop's library products, one per line.

python3 scripts/public_api.py SYMBOLGRAPH_DIR API_DIR [--update]

Reads the symbol graphs `swift package dump-symbol-graph --minimum-access-level
public` wrote to SYMBOLGRAPH_DIR and compares each module's list with
API_DIR/MODULE.txt (with --update: rewrites them). Declarations inherited from
other modules' protocols (Error.localizedDescription, ParsableCommand's
parse...) are left out: they belong to those modules. Default implementations
are marked, so one that stops being public shows. Left out too: the conformances
every type gets from the compiler (Copyable, SendableMetatype, ...), which vary
with the toolchain. Exit 1 when a list differs, with the difference.
"""
import difflib
import glob
import json
import os
import sys

# The library is a stack of module targets behind the Backprop umbrella; a
# plugin sees them as one, so their declarations make one list (a declaration
# moving between layers is not an API change).
LIBRARY = ["BackpropPlatform", "BackpropStatistics", "BackpropCore", "BackpropComponents", "BackpropTraining",
           "BackpropExperiment", "BackpropAnalysis", "BackpropOutput", "BackpropCommands", "Backprop"]
LISTS = {"Backprop": LIBRARY, "BackpropCommandLine": ["BackpropCommandLine"]}
IMPLICIT = {"Swift.Copyable", "Swift.Escapable", "Swift.SendableMetatype", "Swift.BitwiseCopyable"}


def declarations(directory, modules):
    # MODULE.symbols.json, and MODULE@OTHER.symbols.json for extensions of other modules' types (Float: BLASScalar).
    graphs = []
    for module in modules:
        for path in sorted(glob.glob(os.path.join(directory, module + ".symbols.json")) +
                           glob.glob(os.path.join(directory, module + "@*.symbols.json"))):
            with open(path) as file:
                graphs.append((os.path.basename(path) != module + ".symbols.json", json.load(file)))
    # Names of every public symbol, and of the other modules' types extended here.
    names = {}
    for _, graph in graphs:
        for symbol in graph["symbols"]:
            if symbol.get("accessLevel") == "public" and "::SYNTHESIZED::" not in symbol["identifier"]["precise"]:
                names[symbol["identifier"]["precise"]] = ".".join(symbol["pathComponents"])
        for relation in graph.get("relationships", []):
            if relation["kind"] == "memberOf" and "targetFallback" in relation:
                names.setdefault(relation["target"], relation["targetFallback"])
    lines = set()
    for extension, graph in graphs:
        defaults = {relation["source"] for relation in graph.get("relationships", []) if relation["kind"] == "defaultImplementationOf"}
        for symbol in graph["symbols"]:
            precise = symbol["identifier"]["precise"]
            if precise not in names or symbol.get("accessLevel") != "public":
                continue
            declaration = " ".join("".join(fragment["spelling"] for fragment in symbol.get("declarationFragments", [])).split())
            lines.add(f"{names[precise]}: {declaration}" + (" (default implementation)" if precise in defaults else ""))
        for relation in graph.get("relationships", []):
            if relation["kind"] != "conformsTo" or relation["source"] not in names:
                continue
            # An extension file lists every conformance of the extended type; only those to this module's protocols are ours.
            if extension and relation["target"] not in names:
                continue
            target = names.get(relation["target"], relation.get("targetFallback", relation["target"]))
            if target not in IMPLICIT:
                lines.add(f"{names[relation['source']]} conforms to {target}")
    return sorted(lines)


def main():
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    update = "--update" in sys.argv
    if len(arguments) != 2:
        sys.exit(__doc__)
    graphs, api = arguments
    differs = False
    for module, modules in LISTS.items():
        found = declarations(graphs, modules)
        if not found:
            sys.exit(f"public_api.py: no public symbols of {module} in {graphs}")
        path = os.path.join(api, module + ".txt")
        if update:
            os.makedirs(api, exist_ok=True)
            with open(path, "w") as file:
                file.write("\n".join(found) + "\n")
            print(f"{path}: {len(found)} public declarations")
            continue
        committed = open(path).read().splitlines() if os.path.exists(path) else []
        if committed != found:
            differs = True
            sys.stdout.writelines(line + "\n" for line in difflib.unified_diff(committed, found, path, "the code", lineterm=""))
    if differs:
        print("the public API differs from api/: if that is deliberate, run make api UPDATE=1 and commit api/")
        sys.exit(1)
    if not update:
        print(f"public API as in {api}/ ({', '.join(LISTS)})")


if __name__ == "__main__":
    main()
