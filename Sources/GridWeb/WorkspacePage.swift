/// The workspace's HTML: the frame the script fills (steps on the left, the map in the middle,
/// details on the right, the step's table below). No text of its own: every label comes from
/// `/api/messages` (`data-t` attributes name the keys).
enum WorkspacePage {
    static let html = """
        <!doctype html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>gridplan</title>
        <link rel="icon" href="data:,">
        <link rel="stylesheet" href="/workspace.css">
        </head>
        <body>
        <div id="app"></div>
        <script src="/workspace.js"></script>
        </body>
        </html>
        """
}
