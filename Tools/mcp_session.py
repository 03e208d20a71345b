#!/usr/bin/env python3
"""Drives `gridplan mcp` with the official MCP Python SDK (PyPI `mcp`, in the test venv).

usage: mcp_session.py GRIDPLAN [SERVER ARGS...] < steps.json > transcript.json

steps.json is a list of steps, run in order over one session:
  {"op": "list_tools"} | {"op": "list_resources"} | {"op": "list_prompts"}
  {"op": "call", "name": TOOL, "arguments": {...}, "progress": true}
  {"op": "read", "uri": URI}
  {"op": "prompt", "name": NAME, "arguments": {...}}
The transcript holds the server's initialize result and, per step, what the client received
(a protocol error as {"error": message}). Used by Tests/EndToEndTests/MCPServerTests.swift
and for the README's transcript.
"""
import asyncio
import json
import sys

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client


def dump(model):
    return model.model_dump(mode="json", by_alias=True, exclude_none=True)


async def run(command, args, steps):
    params = StdioServerParameters(command=command, args=args)
    out = {"steps": []}
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            init = await session.initialize()
            out["server"] = dump(init)
            for step in steps:
                op = step["op"]
                try:
                    if op == "list_tools":
                        result = dump(await session.list_tools())
                    elif op == "list_resources":
                        result = dump(await session.list_resources())
                    elif op == "list_prompts":
                        result = dump(await session.list_prompts())
                    elif op == "call":
                        progress = []

                        async def on_progress(value, total, message):
                            progress.append({"progress": value, "total": total, "message": message})

                        callback = on_progress if step.get("progress") else None
                        result = dump(
                            await session.call_tool(step["name"], step.get("arguments"), progress_callback=callback)
                        )
                        result["progress_notifications"] = progress
                    elif op == "read":
                        result = dump(await session.read_resource(step["uri"]))
                    elif op == "prompt":
                        result = dump(await session.get_prompt(step["name"], step.get("arguments")))
                    else:
                        raise SystemExit(f"unknown step {op}")
                except Exception as error:  # a protocol error answered by the server
                    result = {"error": f"{type(error).__name__}: {error}"}
                out["steps"].append(result)
    return out


def main():
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    steps = json.load(sys.stdin)
    transcript = asyncio.run(run(sys.argv[1], sys.argv[2:], steps))
    json.dump(transcript, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
