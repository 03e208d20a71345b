extension Catalogue {
    /// The PostGIS city store: connection and schema errors, `db init` and `db grant`.
    static let postgis: [Message] = [
        Message(
            "usage.postgis.bad_uri",
            en:
                "--db {uri}: not a usable PostgreSQL URI (at {reason}); expected postgresql://[user@]host[:port]/database[?dataset=NAME&lock_wait=SECONDS]",
            zh: "--db {uri}：不是可用的 PostgreSQL 连接 URI（问题在 {reason}）；应为 postgresql://[用户@]主机[:端口]/数据库[?dataset=名称&lock_wait=秒数]"),
        Message(
            "usage.postgis.password_in_uri",
            en:
                "--db {uri}: the URI carries a password; leave it out and give it through PGPASSWORD or ~/.pgpass (a password on the command line is visible to every user of the machine)",
            zh: "--db {uri}：URI 中带有密码；请去掉密码，改用 PGPASSWORD 或 ~/.pgpass 提供（命令行上的密码本机所有用户都能看到）"),
        Message(
            "usage.postgis.connect", en: "cannot connect to the PostgreSQL database {uri}: {error}",
            zh: "无法连接 PostgreSQL 数据库 {uri}：{error}"),
        Message(
            "usage.postgis.authentication",
            en: "authentication failed for {uri}: check the user and the password in PGPASSWORD or ~/.pgpass ({error})",
            zh: "{uri} 身份验证失败：请检查用户名以及 PGPASSWORD 或 ~/.pgpass 中的密码（{error}）"),
        Message(
            "usage.postgis.no_extension",
            en:
                "the database {uri} has no PostGIS extension: run `gridplan db init --db {uri}` as a role allowed to create it (or CREATE EXTENSION postgis as a superuser)",
            zh: "数据库 {uri} 没有 PostGIS 扩展：请以有权创建扩展的角色运行 `gridplan db init --db {uri}`（或由超级用户执行 CREATE EXTENSION postgis）"),
        Message(
            "usage.postgis.cannot_create_extension",
            en:
                "cannot create the PostGIS extension in {uri} (is postgresql-15-postgis-3 installed on the server, and may this role create extensions?): {error}",
            zh: "无法在 {uri} 中创建 PostGIS 扩展（服务器上是否安装了 postgresql-15-postgis-3，该角色能否创建扩展？）：{error}"),
        Message(
            "usage.postgis.not_initialized", en: "the database {uri} has no gridplan schema: run `gridplan db init --db {uri}`",
            zh: "数据库 {uri} 中没有 gridplan 的表结构：请运行 `gridplan db init --db {uri}`"),
        Message(
            "usage.postgis.newer",
            en:
                "the database {uri} has gridplan schema version {found}, newer than this gridplan knows ({known}): use that gridplan version or newer",
            zh: "数据库 {uri} 的 gridplan 表结构版本为 {found}，比本版本所知的（{known}）更新：请使用该版本或更新版本的 gridplan"),
        Message(
            "usage.postgis.older",
            en:
                "the database {uri} has gridplan schema version {found}, older than this gridplan's {known}: run `gridplan db init --db {uri}` to upgrade it",
            zh: "数据库 {uri} 的 gridplan 表结构版本为 {found}，低于本版本的 {known}：请运行 `gridplan db init --db {uri}` 升级"),
        Message(
            "usage.postgis.denied",
            en:
                "permission denied in {uri}: {error} (a district's role reads and writes only its own rows; see `gridplan db grant`)",
            zh: "{uri} 中权限不足：{error}（区级角色只能读写本区的行；见 `gridplan db grant`）"),
        Message(
            "usage.postgis.failed", en: "the PostGIS store {uri} failed: {error}", zh: "PostGIS 数据库 {uri} 出错：{error}"),
        Message(
            "usage.postgis.no_district",
            en: "the database {uri} holds no district yet: run `gridplan import DIR --db {uri}`",
            zh: "数据库 {uri} 中还没有任何区的数据：请运行 `gridplan import DIR --db {uri}`"),
        Message(
            "usage.postgis.which_district",
            en: "the database {uri} holds several districts ({districts}): name one with ?dataset=NAME in the URI",
            zh: "数据库 {uri} 中有多个区（{districts}）：请在 URI 中用 ?dataset=名称 指定一个"),
        Message(
            "usage.postgis.district_missing",
            en: "the database {uri} holds no district {dataset}: import it first or name another with ?dataset=NAME",
            zh: "数据库 {uri} 中没有区 {dataset}：请先导入，或用 ?dataset=名称 指定其他区"),
        Message(
            "usage.postgis.households_denied",
            en:
                "this role may not read household rows in {uri}: household-level data needs the household role (`gridplan db grant --households`)",
            zh: "该角色无权读取 {uri} 中的户级数据：户级数据需要户数据角色（`gridplan db grant --households`）"),
        Message(
            "usage.postgis.busy",
            en: "another import of district {dataset} is running (waited {seconds} s): try again when it has finished",
            zh: "区 {dataset} 的另一次导入正在进行（已等待 {seconds} 秒）：请在其完成后重试"),
        Message(
            "usage.import.same_store", en: "import {path}: the source store is the target store (--db); nothing to do",
            zh: "import {path}：源数据库就是目标数据库（--db），无需导入"),
        Message("help.group.db", en: "The PostGIS city database: schema and access.", zh: "PostGIS 全市数据库：表结构与访问权限。"),
        Message(
            "help.cli.db.init.summary",
            en: "Create or upgrade gridplan's schema (and the PostGIS extension) in a PostgreSQL database.",
            zh: "在 PostgreSQL 数据库中创建或升级 gridplan 的表结构（以及 PostGIS 扩展）。"),
        Message(
            "help.cli.db.init.discussion",
            en:
                "--db is a postgresql:// URI (password from PGPASSWORD or ~/.pgpass). Every migration the database lacks is applied in one transaction; an up-to-date schema is left alone.",
            zh: "--db 为 postgresql:// URI（密码取自 PGPASSWORD 或 ~/.pgpass）。数据库缺少的各个迁移在一个事务中执行；已是最新的表结构保持不变。"),
        Message("db.init.created_extension", en: "created the PostGIS extension ({version})", zh: "已创建 PostGIS 扩展（{version}）"),
        Message("db.init.applied", en: "applied schema migration {migration}", zh: "已执行表结构迁移 {migration}"),
        Message(
            "db.init.done", en: "gridplan schema of {uri}: version {from} → {to}", zh: "{uri} 的 gridplan 表结构：版本 {from} → {to}"),
        Message(
            "db.init.up_to_date", en: "gridplan schema of {uri} is up to date (version {version}, PostGIS {postgis})",
            zh: "{uri} 的 gridplan 表结构已是最新（版本 {version}，PostGIS {postgis}）"),
        Message(
            "usage.db.not_postgis", en: "--db {db}: `gridplan db` works on a PostgreSQL database; give a postgresql:// URI",
            zh: "--db {db}：`gridplan db` 只用于 PostgreSQL 数据库；请给出 postgresql:// URI")
    ]
}

extension Catalogue {
    /// `gridplan db grant`: roles and row-level security.
    static let postgisAccess: [Message] = [
        Message(
            "help.cli.db.grant.summary",
            en: "Create a role for a district's planners (its rows only), the city (reads every district) or household rows.",
            zh: "为区的规划人员（只限本区的行）、全市（读取所有区）或户级数据创建角色。"),
        Message(
            "help.cli.db.grant.discussion",
            en:
                "Row-level security keeps a district role to its own dataset_id rows; a city role reads all; household rows are readable only with --households. Make planners' login roles members of the role (GRANT role TO planner).",
            zh: "行级安全使区级角色只能访问本区 dataset_id 的行；全市角色可读取全部；户级数据只有加 --households 才能读取。请把规划人员的登录角色设为该角色的成员（GRANT 角色 TO 规划人员）。"),
        Message("help.cli.db.grant.role", en: "The role to create or extend.", zh: "要创建或扩充的角色。"),
        Message(
            "help.cli.db.grant.dataset", en: "A district (dataset) the role reads and writes (repeat for several).",
            zh: "该角色可读写的区（数据集）（可重复给出多个）。"),
        Message("help.cli.db.grant.city", en: "The role reads every district and writes none.", zh: "该角色可读取所有区，不能写入。"),
        Message(
            "help.cli.db.grant.households", en: "The role may also read household-level rows (personal information).",
            zh: "该角色还可读取户级数据（个人信息）。"),
        Message(
            "usage.db.grant_what", en: "gridplan db grant: give --role and either --dataset NAME (one or more) or --city",
            zh: "gridplan db grant：请给出 --role，以及 --dataset 名称（一个或多个）或 --city 之一"),
        Message("db.grant.created_role", en: "created role {role} (NOLOGIN)", zh: "已创建角色 {role}（NOLOGIN）"),
        Message(
            "db.grant.district", en: "role {role} reads and writes district {dataset}", zh: "角色 {role} 可读写区 {dataset}"),
        Message("db.grant.city", en: "role {role} reads every district", zh: "角色 {role} 可读取所有区"),
        Message("db.grant.households", en: "role {role} may read household rows", zh: "角色 {role} 可读取户级数据"),
        Message(
            "db.grant.no_households", en: "role {role} may not read household rows", zh: "角色 {role} 不能读取户级数据")
    ]
}
