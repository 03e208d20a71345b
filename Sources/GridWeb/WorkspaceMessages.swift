import GridFormats
import GridLocale

/// The page's texts: every catalogue message whose key starts with `web.`, in one language, as
/// one JSON object (`GET /api/messages?lang=`), so the page has no text of its own.
enum WorkspaceMessages {
    static func json(_ language: Language, default server: Language) -> String {
        let members = Catalogue.messages.keys.filter { $0.hasPrefix("web.") }.sorted().map {
            (key: $0, value: JSONValue.string(Catalogue.text($0, language)))
        }
        return JSONWriter.write(
            .object(
                JSONObject(members: [
                    ("lang", .string(language.rawValue)), ("default_lang", .string(server.rawValue)),
                    ("messages", .object(JSONObject(members: members)))
                ])))
    }
}
