"""The resolved schema: names, types, relations and indexes, read from the AST.

>>> import prisma_tools
>>> schema = prisma_tools.parse('model User {\\n  id Int @id\\n  posts Post[]\\n}\\nmodel Post {\\n'
...     '  id Int @id\\n  authorId Int\\n  author User @relation(fields: [authorId], references: [id])\\n}\\n')
>>> db = prisma_tools.analyze(schema)
>>> [f.name for f in db.model("Post").fields if f.is_relation]
['author']
>>> rel = db.relation_of(db.model("User").field("posts"))
>>> rel.kind, rel.forward.field.label, rel.back.field.label
('one-to-many', 'Post.author', 'User.posts')
"""

from .build import REFERENTIAL_ACTIONS, analyze, arg, as_constant, as_string, name_list, source_texts
from .model import (
    SCALAR_TYPES,
    DatasourceInfo,
    EnumInfo,
    EnumValueInfo,
    FieldBlockInfo,
    FieldInfo,
    GeneratorInfo,
    IndexField,
    IndexInfo,
    Relation,
    RelationFieldInfo,
    RelationGroup,
    RelationShape,
    ResolvedSchema,
    SourceFile,
    TypeRef,
    group_relation_fields,
)

__all__ = [
    "REFERENTIAL_ACTIONS",
    "SCALAR_TYPES",
    "DatasourceInfo",
    "EnumInfo",
    "EnumValueInfo",
    "FieldBlockInfo",
    "FieldInfo",
    "GeneratorInfo",
    "IndexField",
    "IndexInfo",
    "Relation",
    "RelationFieldInfo",
    "RelationGroup",
    "RelationShape",
    "ResolvedSchema",
    "SourceFile",
    "TypeRef",
    "analyze",
    "arg",
    "as_constant",
    "as_string",
    "group_relation_fields",
    "name_list",
    "source_texts",
]
